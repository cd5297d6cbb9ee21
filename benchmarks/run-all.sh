#!/bin/sh
# Runs every section of README.md once, in order, from the benchmarks/ folder, after
#   ./mvnw -B -pl benchmarks package
# Short settings on purpose: the machines are shared; the README quotes ratios taken within one run.
set -e
cd "$(dirname "$0")"
CP='target/classes:target/lib/*'
mkdir -p results
# 1. sign / verify / raw floor, every preset; then canonical-nonce with the GC profiler; then the steps.
java -jar target/benchmarks.jar SignVerifyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s \
  -rf csv -rff results/sign-verify.csv > results/sign-verify.log 2>&1
java -jar target/benchmarks.jar SignVerifyBenchmark -p preset=canonical-nonce -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc \
  > results/sign-verify-canonical-nonce-gc.log 2>&1
java -jar target/benchmarks.jar VerifyStepsBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc \
  > results/verify-steps.log 2>&1
# 2. body hashing: interleaved pairs (the verdict), then JMH.
java -cp "$CP" dev.signet.benchmarks.body.PairedBodyHashing --reps 15 --warmup 5 > results/body-hashing-paired.txt 2>&1
java -jar target/benchmarks.jar BodyHashingBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s \
  -rf csv -rff results/body-hashing.csv > results/body-hashing.log 2>&1
# 3. HTTP load, unsigned vs signed.
java -cp "$CP" dev.signet.benchmarks.http.LoadBenchmark --threads 32 --rounds 4 --warmup 3 --seconds 5 \
  > results/http-load.txt 2>&1
# 4. 1 GiB upload to a server at -Xmx64m.
java -cp "$CP" dev.signet.benchmarks.upload.LargeUploadBenchmark --mib 1024 --rounds 2 \
  > results/upload.txt 2>&1
# 5. clustered vs local replay cache, two JVMs on loopback.
java -Djgroups.bind.address=127.0.0.1 -Djava.net.preferIPv4Stack=true -cp "$CP" \
  dev.signet.benchmarks.cluster.ClusterReplayBenchmark --callers 1,8,64 --rounds 3 --warmup 1 --seconds 3 \
  > results/cluster.txt 2>&1
./summarize-jmh.py results/sign-verify.log
./summarize-jmh.py results/body-hashing.log
