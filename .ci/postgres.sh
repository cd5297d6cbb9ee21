#!/usr/bin/env bash
# PostgreSQL for the JDBC key store tests (PostgresCluster starts and stops its own throw-away cluster on
# 127.0.0.1 as the postgres user; nothing is started here). Installs the Debian package when initdb is missing.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends postgresql
fi
# The Debian package starts a cluster of its own on 5432 when installed; the tests do not use it.
ls -d /usr/lib/postgresql/*/bin
