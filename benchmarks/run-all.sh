#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Regenerates every figure of README.md into results/<date>/, from the benchmarks/ folder, after a reactor
# build from the repository root (nothing is installed into ~/.m2):
#   ./mvnw -B -o package -pl benchmarks -am -DskipTests
#
# Usage: ./run-all.sh [results-folder-name] [section ...]
#   sections: verify verify-rfc9421 profile-verify body http profile-http upload memory cluster (default: all, in that order)
#   e.g. ./run-all.sh 2026-12-01 body        re-runs section 2 only, into results/2026-12-01/
# Every section appends its start time, command and `uptime` to results/<date>/runs.txt.
# About 27 minutes in all on 2 busy vCPUs. Needs taskset (util-linux) and the JDK's jfr tool on the PATH.
set -e
cd "$(dirname "$0")"
CP='target/classes:target/lib/*'
OUT="results/${1:-$(date -u +%F)}"
[ $# -gt 0 ] && shift
SECTIONS="${*:-verify verify-rfc9421 profile-verify body http profile-http upload memory cluster}"
mkdir -p "$OUT"

run() { # run <log file> <command...>: logs the command and the load average, then runs it
  out="$1"; shift
  printf '%s | %s | %s > %s\n' "$(date -u +%FT%TZ)" "$(uptime | sed 's/.*load average/load average/')" "$*" "$out" >> "$OUT/runs.txt"
  "$@" > "$out" 2>&1
}

for s in $SECTIONS; do
  case "$s" in
    verify) # 1. core verify / raw floor, every preset, 0 B and 1 KiB, paired in time (thread CPU time)
      run "$OUT/paired-verify.txt" java -cp "$CP" dev.signet.benchmarks.crypto.PairedVerify --pairs 9 --batch-ms 100 ;;
    verify-rfc9421) # 1c. rfc9421 verify / the JDK's raw Signature.verify (or Mac), each algorithm, GET and 1 KiB POST, paired in time
      run "$OUT/paired-verify-rfc9421.txt" java -cp "$CP" dev.signet.benchmarks.crypto.PairedRfc9421Verify --pairs 9 --batch-ms 100
      run "$OUT/profile-verify-rfc9421-hmac.log" java -XX:StartFlightRecording=filename="$OUT/profile-verify-rfc9421-hmac.jfr",settings=profile \
        -cp "$CP" dev.signet.benchmarks.crypto.PairedRfc9421Verify --pairs 5 --warmup-max-s 30 --algorithms hmac-sha256 --sizes 0
      ./jfr-top.py "$OUT/profile-verify-rfc9421-hmac.jfr" Case.measured 30 > "$OUT/profile-verify-rfc9421-hmac.txt" ;;
    profile-verify) # 1b. JFR profile of core verification, canonical-nonce, empty body
      run "$OUT/profile-verify.log" java -XX:StartFlightRecording=filename="$OUT/profile-verify.jfr",settings=profile \
        -cp "$CP" dev.signet.benchmarks.crypto.PairedVerify --pairs 5 --presets canonical-nonce --sizes 0
      ./jfr-top.py "$OUT/profile-verify.jfr" VerificationPath.verify 30 > "$OUT/profile-verify.txt"
      run "$OUT/profile-verify-json-payload.log" java -XX:StartFlightRecording=filename="$OUT/profile-verify-json-payload.jfr",settings=profile \
        -cp "$CP" dev.signet.benchmarks.crypto.PairedVerify --pairs 5 --presets json-payload --sizes 0
      ./jfr-top.py "$OUT/profile-verify-json-payload.jfr" VerificationPath.verify 30 > "$OUT/profile-verify-json-payload.txt" ;;
    body) # 2. body path / raw SHA-256 at 64 MiB, spooled to tmpfs and to disk; then the size sweep (linearity)
      run "$OUT/body-64mib-tmpfs.txt" java -Xmx1g -cp "$CP" dev.signet.benchmarks.body.PairedBodyHashing \
        --dir /dev/shm --sizes 67108864 --reps 30 --warmup 5 --settle-ms 200
      run "$OUT/body-64mib-disk.txt" java -Xmx1g -cp "$CP" dev.signet.benchmarks.body.PairedBodyHashing \
        --dir /tmp --sizes 67108864 --reps 30 --warmup 5 --settle-ms 200
      run "$OUT/body-sweep-tmpfs.txt" java -Xmx1g -cp "$CP" dev.signet.benchmarks.body.PairedBodyHashing \
        --dir /dev/shm --sizes 0,1024,65536,1048576,16777216,67108864 --reps 9 --warmup 3 --settle-ms 100 ;;
    http) # 3. HTTP, generator on CPU 0, server on CPU 1, warm-up until steady, 8 alternating rounds; canonical-nonce, then rfc9421 (hmac)
      run "$OUT/http-load.txt" taskset -c 0 java -cp "$CP" dev.signet.benchmarks.http.LoadBenchmark \
        --server-cpus 1 --threads 16 --rounds 8 --seconds 5 --window-s 5 --warmup-max-s 120 --sizes 0,1024
      run "$OUT/http-load-rfc9421.txt" taskset -c 0 java -cp "$CP" dev.signet.benchmarks.http.LoadBenchmark \
        --server-cpus 1 --threads 16 --rounds 8 --seconds 5 --window-s 5 --warmup-max-s 120 --sizes 0,1024 --scheme rfc9421 ;;
    profile-http) # 3b. JFR profile of the server under load (1 KiB POST), summarised for the filter's share
      run "$OUT/profile-http.txt" taskset -c 0 java -cp "$CP" dev.signet.benchmarks.http.LoadBenchmark \
        --server-cpus 1 --threads 16 --rounds 2 --seconds 5 --warmup-max-s 30 --sizes 1024 \
        --server-opts "-XX:StartFlightRecording=filename=$OUT/profile-http-server.jfr,settings=profile"
      ./jfr-top.py "$OUT/profile-http-server.jfr" SignatureVerificationFilter.filter 30 > "$OUT/profile-http-filter.txt" ;;
    upload) # 5. 1 GiB upload to a server at -Xmx64m, signed / unsigned wall time, 5 rounds, spool on /tmp (disk) then tmpfs
      run "$OUT/upload.txt" java -cp "$CP" dev.signet.benchmarks.upload.LargeUploadBenchmark --mib 1024 --rounds 5
      run "$OUT/upload-tmpfs.txt" java -cp "$CP" dev.signet.benchmarks.upload.LargeUploadBenchmark --mib 1024 --rounds 5 --spool-dir /dev/shm ;;
    memory) # 4. bytes per live replay entry, 1 000 000 entries, local cache
      run "$OUT/replay-memory.txt" java -Xms2g -Xmx2g -cp "$CP" dev.signet.benchmarks.memory.ReplayEntryMemory \
        --entries 1000000 --repeats 3 ;;
    cluster) # 6. local vs clustered (two JVMs, JGroups on loopback) vs Hot Rod (3 server JVMs) replay cache (no target)
      run "$OUT/cluster-hotrod.txt" java -Djgroups.bind.address=127.0.0.1 -Djava.net.preferIPv4Stack=true -cp "$CP" \
        dev.signet.benchmarks.cluster.ClusterReplayBenchmark --topology local,clustered,hotrod \
        --callers 1,8,64 --rounds 3 --warmup 1 --seconds 3 ;;
    *) echo "unknown section $s" >&2; exit 2 ;;
  esac
done
