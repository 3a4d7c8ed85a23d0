#!/usr/bin/env bash
# Rostering benchmark: bench/duty/run.sh [seconds per city run, default 60] [runs, default 3] [seconds per community run, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -pl backend compile dependency:build-classpath -Dmdep.outputFile=target/duty-bench.classpath \
  -Dmdep.includeScope=runtime > target-duty-bench-build.log 2>&1 || { cat target-duty-bench-build.log; exit 1; }
rm -f target-duty-bench-build.log
exec java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "backend/target/classes:$(cat backend/target/duty-bench.classpath)" bench/duty/RosterBench.java "$@"
