#!/usr/bin/env bash
# Makes "// SPDX-License-Identifier: Apache-2.0" the first line of every .java file under a src/ folder
# (main and test code of every module). Idempotent: re-run it after merging a branch that adds files.
#
#   scripts/spdx-headers.sh           add the line to every file that does not start with it
#   scripts/spdx-headers.sh --check   only list those files; exit 1 if there is any
#
# The build runs the same check (spdx-headers in the root pom), so `./mvnw -B verify` fails on a missing line.
set -euo pipefail
cd "$(dirname "$0")/.."

header='// SPDX-License-Identifier: Apache-2.0'
check=false
case "${1:-}" in
  --check) check=true ;;
  '') ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

count=0
while IFS= read -r -d '' file; do
  first=$(head -n 1 "$file" | tr -d '\r')
  if [ "$first" = "$header" ]; then
    continue
  fi
  count=$((count + 1))
  if $check; then
    echo "missing SPDX header: ${file#./}"
  else
    tmp=$(mktemp)
    { printf '%s\n' "$header"; cat "$file"; } > "$tmp"
    cat "$tmp" > "$file" # rewrite in place: the file keeps its mode
    rm -f "$tmp"
  fi
done < <(find . -name .git -prune -o -name target -type d -prune -o -path '*/src/*' -name '*.java' -type f -print0)

if $check; then
  if [ "$count" -gt 0 ]; then
    echo "$count .java file(s) lack the SPDX line: run scripts/spdx-headers.sh" >&2
    exit 1
  fi
  echo "every .java file under src/ starts with the SPDX line"
else
  echo "SPDX line added to $count file(s)"
fi
