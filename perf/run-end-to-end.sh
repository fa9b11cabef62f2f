#!/usr/bin/env bash
# Runs EndToEndBenchmark from the modules' classes, without installing anything into ~/.m2.
# Usage: perf/run-end-to-end.sh [JMH options...]   e.g. perf/run-end-to-end.sh -prof gc
# With no options JMH uses the benchmark's own settings (5 x 2 s warm-up, 5 x 2 s measurement, 2 forks).
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=perf/target/jmh-classpath.txt
mvn -B -q -pl perf -am compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$classpath_file" -Dmdep.includeScope=runtime -DexcludeGroupIds=dev.log4jpool
classes=perf/target/classes:log4j-pool-appender/target/classes:log4j-pool-layout/target/classes
exec java -cp "$classes:$(cat "$classpath_file")" org.openjdk.jmh.Main EndToEndBenchmark "$@"
