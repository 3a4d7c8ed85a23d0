#!/usr/bin/env bash
# Census benchmark (not a test): imports 100k residents through the API as leader1 and, in the same run,
# COPYs the same rows into the same table with psql; then measures exact-ID lookup latency at the API
# over the whole census (demo with GRIDGUARD_DEMO_COMMUNITIES communities, 150 ≈ 1M residents).
# Everything runs privately: PostgreSQL 15 cluster on $PG_PORT, Keycloak (Maven Central dist) on $KC_PORT
# with the project realm (real tokens, password grant of gridguard-cli), the packaged API on $API_PORT.
# Usage: bench/census/run.sh [runs]      Env: COMMUNITIES (150), ROWS (100000), KEEP=1 leaves it running,
#   JAR=path/to/quarkus-run.jar (default: this tree's backend/target/quarkus-app; to compare two builds in one
#   session, copy each quarkus-app directory aside and run the script once per JAR, alternating),
#   LOOKUPS=2000 requests per lookup round (0 skips the lookup rounds, e.g. when comparing import builds).
# Prints one JSON line per run and per lookup round, then one summary line:
#   SUMMARY import median …s (min–max) over N runs | COPY median …s | ratio to COPY median … | lookup p95 median … ms
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-3}; ROWS=${ROWS:-100000}; LOOKUPS=${LOOKUPS:-2000}; COMMUNITIES=${COMMUNITIES:-150}
WORK=${GG_BENCH_DIR:-/tmp/gg-census-bench}; PG_PORT=${PG_PORT:-25432}; KC_PORT=${KC_PORT:-28180}; API_PORT=${API_PORT:-28080}
PGBIN=/usr/lib/postgresql/15/bin; PY="python3 $ROOT/bench/census/bench.py"
REALM=${REALM:-$ROOT/infra/keycloak/gridguard-realm.json}
[[ -f $REALM ]] || REALM=/work/main/infra/keycloak/gridguard-realm.json
mkdir -p "$WORK"; chmod 777 "$WORK"
log() { echo "[bench $(date +%T)] $*" >&2; }
PIDS=()
cleanup() { [[ ${KEEP:-0} == 1 ]] && return; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done;
  runuser -u postgres -- $PGBIN/pg_ctl -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

# --- PostgreSQL ---
if [[ ! -f $WORK/pg/PG_VERSION ]]; then
  mkdir -p "$WORK/pg"; chown postgres "$WORK/pg"
  runuser -u postgres -- $PGBIN/initdb -D "$WORK/pg" -A trust -U postgres >/dev/null
fi
runuser -u postgres -- $PGBIN/pg_ctl -D "$WORK/pg" -l "$WORK/pg.log" -w start \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_wal_size=4GB" >/dev/null
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -X -q -t -A"
$PSQL -c "select 1 from pg_database where datname='gridguard'" | grep -q 1 || $PSQL -c "create database gridguard"
PSQL="$PSQL -d gridguard"

# --- Keycloak (real tokens) ---
KC_ZIP=$(ls ~/.m2/repository/org/keycloak/keycloak-quarkus-dist/26.5.6/keycloak-quarkus-dist-26.5.6.zip 2>/dev/null || true)
if [[ -z $KC_ZIP ]]; then
  (cd "$ROOT" && ./mvnw -B -ntp dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:26.5.6:zip -DoutputDirectory="$WORK") >/dev/null
  KC_ZIP=$WORK/keycloak-quarkus-dist-26.5.6.zip
fi
[[ -d $WORK/kc ]] || { unzip -q "$KC_ZIP" -d "$WORK" && mv "$WORK/keycloak-26.5.6" "$WORK/kc"; }
mkdir -p "$WORK/kc/data/import"; cp "$REALM" "$WORK/kc/data/import/gridguard-realm.json"
KC_BOOTSTRAP_ADMIN_USERNAME=benchadmin KC_BOOTSTRAP_ADMIN_PASSWORD=$(head -c 12 /dev/urandom | base64) \
  "$WORK/kc/bin/kc.sh" start-dev --http-port=$KC_PORT --http-management-port=$((KC_PORT+1)) --hostname=http://localhost:$KC_PORT \
  --import-realm >"$WORK/kc.log" 2>&1 &
PIDS+=($!)

# --- the packaged API ---
JAR=${JAR:-$ROOT/backend/target/quarkus-app/quarkus-run.jar}
[[ -f $JAR ]] || (cd "$ROOT" && ./mvnw -B -ntp -DskipTests package >"$WORK/build.log")
[[ -f $WORK/pii.env ]] || {
  echo "GRIDGUARD_PII_KEYS=b1:$(head -c 32 /dev/urandom | base64 -w0)" >"$WORK/pii.env"
  echo "GRIDGUARD_PII_ACTIVE_KEY=b1" >>"$WORK/pii.env"
  echo "GRIDGUARD_PII_HMAC_KEY=$(head -c 32 /dev/urandom | base64 -w0)" >>"$WORK/pii.env"; }
for i in $(seq 1 120); do curl -sf -o /dev/null http://localhost:$KC_PORT/realms/gridguard/.well-known/openid-configuration && break; sleep 1; done
log "keycloak ready; starting the API (demo: $COMMUNITIES communities; the first start loads them)"
env $(cat "$WORK/pii.env") QUARKUS_HTTP_PORT=$API_PORT QUARKUS_HTTP_SSL_PORT=$((API_PORT+1)) QUARKUS_MANAGEMENT_PORT=$((API_PORT+1020)) \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/gridguard QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=unused QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:$KC_PORT/realms/gridguard \
  GRIDGUARD_DEMO_LOAD=true GRIDGUARD_DEMO_COMMUNITIES=$COMMUNITIES GRIDGUARD_WEB_DIR=$WORK/noweb \
  java -Xmx2g -jar "$JAR" >"$WORK/api.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 900); do curl -sf -o /dev/null http://localhost:$API_PORT/q/health/ready && break; sleep 1; done
curl -sf -o /dev/null http://localhost:$API_PORT/q/health/ready || { tail -30 "$WORK/api.log"; exit 1; }
grep -o "Loaded demo data.*" "$WORK/api.log" >&2 || true
log "residents in the database: $($PSQL -c 'select count(*) from resident')"

BASE=http://localhost:$API_PORT
KC=http://localhost:$KC_PORT
ZONE1=$($PSQL -c "select id from area_node where code='BH-C001-Z1'")
COMPOUNDS=$($PSQL -c "select string_agg(c.name, '|' order by c.code) from area_node c join area_node g on g.id=c.parent_id where c.kind='COMPOUND' and g.parent_id='$ZONE1'")
RUN0=$($PSQL -c "select count(*) from import_upload")
: >"$WORK/results.jsonl"
for r in $(seq 1 "$RUNS"); do
  run=$((RUN0 + r))
  $PY csv "$WORK/rows.csv" "$COMPOUNDS" "$run" "$ROWS"
  TOKEN=$($PY token "$KC" leader1)
  res=$($PY import "$BASE" "$TOKEN" "$WORK/rows.csv" "$ZONE1")
  job=$($PSQL -c "select job_id from import_upload order by created_at desc limit 1")
  # the same rows, as stored, COPYed into the same table (deleted first, untimed)
  $PSQL -c "\\copy (select * from resident where created_by='leader1' and updated_at >= (select started_at from job where id='$job')) to '$WORK/rows.copy'"
  n=$(wc -l <"$WORK/rows.copy")
  $PSQL -c "delete from census_change where subject_id in (select id from resident where created_by='leader1' and updated_at >= (select started_at from job where id='$job'))"
  $PSQL -c "delete from resident where created_by='leader1' and updated_at >= (select started_at from job where id='$job')"
  $PSQL -c "checkpoint"
  t0=$(date +%s.%N)
  $PSQL -c "\\copy resident from '$WORK/rows.copy'"
  t1=$(date +%s.%N)
  copy_s=$(python3 -c "print(round($t1 - $t0, 2))")
  echo "{\"run\": $r, \"api\": $res, \"copy_rows\": $n, \"copy_s\": $copy_s}" | tee -a "$WORK/results.jsonl"
done
TOKEN=$($PY token "$KC" leader1)
runs=$(seq -s, $((RUN0 + 1)) $((RUN0 + RUNS)))
log "residents in the database: $($PSQL -c 'select count(*) from resident')"
if ((LOOKUPS > 0)); then
  $PY lookup "localhost:$API_PORT" "$TOKEN" 200 "$runs" >/dev/null   # warm-up
  for r in 1 2 3; do echo "{\"lookup\": $($PY lookup "localhost:$API_PORT" "$TOKEN" "$LOOKUPS" "$runs")}" | tee -a "$WORK/results.jsonl"; done
fi
echo "SUMMARY $($PY summary "$WORK/results.jsonl" 99) | jar $JAR | load $(cut -d' ' -f1-3 /proc/loadavg)"
