#!/bin/sh
# Runs every section once, in order, from the benchmarks/ folder after `./mvnw -B -pl benchmarks package`.
# Short settings: the machines are shared; ratios within one run are what the README quotes.
set -e
cd "$(dirname "$0")"
CP='target/classes:target/lib/*'
mkdir -p results
java -jar target/benchmarks.jar SignVerifyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s \
  -rf csv -rff results/sign-verify.csv > results/sign-verify.log 2>&1
java -jar target/benchmarks.jar BodyHashingBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s \
  -rf csv -rff results/body-hashing.csv > results/body-hashing.log 2>&1
java -cp "$CP" dev.signet.benchmarks.http.LoadBenchmark --threads 32 --rounds 4 --warmup 3 --seconds 5 \
  > results/http-load.txt 2>&1
java -cp "$CP" dev.signet.benchmarks.upload.LargeUploadBenchmark --mib 1024 --rounds 2 \
  > results/upload.txt 2>&1
java -Djgroups.bind.address=127.0.0.1 -Djava.net.preferIPv4Stack=true -cp "$CP" \
  dev.signet.benchmarks.cluster.ClusterReplayBenchmark --callers 1,8,64 --rounds 3 --warmup 1 --seconds 3 \
  > results/cluster.txt 2>&1
