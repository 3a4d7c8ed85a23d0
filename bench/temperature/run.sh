#!/usr/bin/env bash
# Temperature benchmark (issue 5, P1/P2/P4; not a test). Everything runs privately on this script's ports:
# PostgreSQL 15 cluster on $PG_PORT (fsync on; autovacuum off, the script analyzes between phases, so no background
# vacuum lands in one phase's CPU), Keycloak (Maven Central dist) on $KC_PORT with the project realm
# (real tokens: password grant of gridguard-cli for worker1), and the packaged API built with the `bench` Maven
# profile (backend/target-bench) on $API_PORT, with the city demo (GRIDGUARD_DEMO_COMMUNITIES=150 ≈ 1M residents,
# loaded once into $WORK/pg and reused). The product jar (backend/target) is built too and checked to contain no
# bench class. Every request is worker1 at BH-C001-KK4 (the gate of a compound in worker1's grid cell G01),
# about a resident of that compound, with a fresh client UUID, measured now, ~2 % fevers.
#
#  P1  ROWS readings as batches of 500 through POST /api/v1/temperature-checks/batch (one client, sequential);
#      then the same rows, as stored, are deleted and `\copy`-ed back into the same table: rows/s ratio.
#  P2  wrk, 64 connections, SECONDS each: the bare JDBC insert endpoint (bench build) and the real endpoint with a
#      fresh token; ratio of requests/s. Then p99 at 70 % of the real endpoint's median maximum, at a fixed
#      overall rate (autocannon --overallRate semantics, 64 connections).
#  P4  the real endpoint with tokens vs the same endpoint with auth off (bench header X-Bench-Auth: off, a fixed
#      worker1 identity, no token read): same wrk rounds as P2, interleaved.
# Each figure: median of RUNS runs with the spread (min–max); results in $WORK/results/<time>.{jsonl,md}.
#
# Usage: bench/temperature/run.sh [runs=3]
# Env: ROWS (50000), SECONDS_PER_RUN (20), WARMUP (15; the real endpoint gets 3× that with and without token),
#      P1_WARMUP_ROWS (30000), P1_CLIENTS (2: concurrent batch senders), PACED_LATENCY_MS (4), COMMUNITIES (150), SKIP_BUILD=1, KEEP=1 (leave it running),
#      GG_BENCH_DIR (/tmp/gg-temp-bench), PG_PORT (34432), KC_PORT (34180, +1 mgmt), API_PORT (34080, +1 https),
#      PG_OPTS (extra postgres -c options, e.g. for pg_stat_statements),
#      BENCH_APP (a bench build's quarkus-app dir to run instead of backend/target-bench's), API_JAVA_OPTS (-Xmx2g), PHASES ("p1 p2 rate"), DB (gridguard), LOAD_ONLY=1 (start, load the demo, stop).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/temperature
RUNS=${1:-3}; ROWS=${ROWS:-50000}; SECS=${SECONDS_PER_RUN:-20}; WARMUP=${WARMUP:-15}; COMMUNITIES=${COMMUNITIES:-150}
WORK=${GG_BENCH_DIR:-/tmp/gg-temp-bench}; PG_PORT=${PG_PORT:-34432}; KC_PORT=${KC_PORT:-34180}; API_PORT=${API_PORT:-34080}
PHASES=${PHASES:-p1 p2 rate}; DB=${DB:-gridguard}
PY="python3 $HERE/bench.py"
. "$ROOT/bench/lib.sh"
bench_setup
bench_tools
bench_build org/gridguard/bench/BareInsertResource
bench_pg
bench_keycloak
bench_api
[[ ${LOAD_ONLY:-0} == 1 ]] && exit 0

BASE=http://localhost:$API_PORT; KC=http://localhost:$KC_PORT
CHECKPOINT=$($PSQL -c "select id from checkpoint where code='BH-C001-KK4'")
RESIDENTS=$WORK/residents.txt
$PSQL -c "select r.id from resident r join area_node a on a.id = r.area_id
  where a.path like (select n.path from checkpoint c join area_node n on n.id = c.guards_node_id where c.id = '$CHECKPOINT') || '%'
  and r.status = 'LIVING'" >"$RESIDENTS"
$PSQL -c "vacuum analyze temperature_check" -c "checkpoint"
log "checkpoint BH-C001-KK4 $CHECKPOINT guards $(wc -l <"$RESIDENTS") residents; load: $(uptime)"
echo "{\"kind\": \"env\", \"uptime\": \"$(uptime)\", \"residents\": $($PSQL -c 'select count(*) from resident'), \"rows_before\": $($PSQL -c 'select count(*) from temperature_check')}" >>"$RESULTS"

wrk_run() {  # wrk_run PATH TOKEN AUTH_OFF SECONDS -> WRKJSON line's JSON plus the CPU used (env GG_DELAY_MS: paced)
  local c0 out; c0=$(cpu_now)
  out=$(GG_DELAY_MS=${GG_DELAY_MS:-} GG_PATH=$1 GG_TOKEN=$2 GG_AUTH_OFF=$3 GG_RESIDENTS=$RESIDENTS GG_CHECKPOINT=$CHECKPOINT \
    wrk -t2 -c64 -d"$4"s --timeout 10s -s "$HERE/single.lua" "$BASE" | sed -n 's/^WRKJSON //p')
  python3 -c "import json,sys; o=json.loads(sys.argv[1]); o.update(json.loads(sys.argv[2])); print(json.dumps(o))" "$out" "$(cpu_delta "$c0" "$(cpu_now)")"
}

if [[ " $PHASES " == *" p1 "* ]]; then
  log "P1 warm-up (${P1_WARMUP_ROWS:-30000} rows)"
  $PY p1 "$BASE" "$($PY token "$KC" worker1)" "$RESIDENTS" "$CHECKPOINT" "${P1_WARMUP_ROWS:-30000}" "$WORK/ids.txt" "${P1_CLIENTS:-2}" >/dev/null
  for r in $(seq 1 "$RUNS"); do
    tok=$($PY token "$KC" worker1); c0=$(cpu_now)
    api=$($PY p1 "$BASE" "$tok" "$RESIDENTS" "$CHECKPOINT" "$ROWS" "$WORK/ids.txt" "${P1_CLIENTS:-2}")
    api_cpu=$(cpu_delta "$c0" "$(cpu_now)")
    # the same rows as stored, deleted and COPYed back into the same table (untimed export and delete)
    $PSQL <<SQL
create temp table bench_ids (id uuid primary key);
\copy bench_ids from '$WORK/ids.txt'
\copy (select t.* from temperature_check t join bench_ids using (id)) to '$WORK/rows.copy'
delete from temperature_check t using bench_ids b where t.id = b.id;
SQL
    n=$(wc -l <"$WORK/rows.copy")
    $PSQL -c "vacuum analyze temperature_check" -c "checkpoint"
    c0=$(cpu_now); t0=$(date +%s.%N); $PSQL -c "\\copy temperature_check from '$WORK/rows.copy'"; t1=$(date +%s.%N)
    copy_cpu=$(cpu_delta "$c0" "$(cpu_now)")
    line=$(python3 -c "
import json,sys; a=json.loads(sys.argv[1]); n=int(sys.argv[2]); s=float(sys.argv[4])-float(sys.argv[3])
ac=json.loads(sys.argv[6]); cc=json.loads(sys.argv[7]); acpu=ac['api_cpu_s']+ac['pg_cpu_s']; ccpu=cc['pg_cpu_s']
c=n/s; print(json.dumps({'kind':'p1','run':int(sys.argv[5]),'api':a,'api_rows_per_s':a['rows_per_s'],'copy_rows':n,
 'copy_s':round(s,3),'copy_rows_per_s':round(c,1),'ratio':round(a['rows_per_s']/c,3),'api_cpu':ac,'copy_cpu':cc,
 'cpu_ratio':round((ccpu/n)/(acpu/a['rows']),3) if acpu > 0 and ccpu > 0 else None,
 'errors':0 if a['statuses'].get('CREATED')==a['rows'] else 1}))
" "$api" "$n" "$t0" "$t1" "$r" "$api_cpu" "$copy_cpu")
    echo "$line" | tee -a "$RESULTS"
  done
fi

if [[ " $PHASES " == *" p2 "* || " $PHASES " == *" rate "* ]]; then
  $PSQL -c "vacuum analyze temperature_check" -c "checkpoint"
  log "P2/P4 warm-up (${WARMUP}s each)"
  wrk_run /bench/raw/temperature-checks "" 0 "$WARMUP" >/dev/null
  # the real endpoint runs far more code (OIDC, validation, Hibernate, JTA) than the bare insert: it gets a longer
  # warm-up so that its hot code is JIT-compiled before it is measured (on a starved machine that takes minutes)
  for i in 1 2 3; do
    wrk_run /api/v1/temperature-checks "$($PY token "$KC" worker1)" 0 "$WARMUP" >/dev/null
    wrk_run /api/v1/temperature-checks "" 1 "$WARMUP" >/dev/null
  done
fi
if [[ " $PHASES " == *" p2 "* ]]; then
  for r in $(seq 1 "$RUNS"); do
    raw=$(wrk_run /bench/raw/temperature-checks "" 0 "$SECS")
    tok=$(wrk_run /api/v1/temperature-checks "$($PY token "$KC" worker1)" 0 "$SECS")
    off=$(wrk_run /api/v1/temperature-checks "" 1 "$SECS")
    python3 -c "
import json,sys; raw,tok,off=(json.loads(a) for a in sys.argv[1:4])
print(json.dumps({'kind':'p2','run':int(sys.argv[4]),'raw':raw,'token':tok,'off':off,'raw_rps':raw['rps'],'token_rps':tok['rps'],
 'off_rps':off['rps'],'token_p99_ms':tok['p99_ms'],'p2_ratio':round(tok['rps']/raw['rps'],3),'p4_ratio':round(tok['rps']/off['rps'],3),
 'cpu_ms':{k:round(1000*(v['api_cpu_s']+v['pg_cpu_s'])/max(1,v['requests']-v['errors']),3) for k,v in (('raw',raw),('token',tok),('off',off))},
 'errors':raw['errors']+tok['errors']+off['errors']}))" "$raw" "$tok" "$off" "$r" | tee -a "$RESULTS"
  done
fi
if [[ " $PHASES " == *" rate "* ]]; then
  MAX=${RATE_MAX:-$(python3 -c "
import json,statistics,sys; v=[json.loads(l)['token_rps'] for l in open(sys.argv[1]) if '\"kind\": \"p2\"' in l]
print(statistics.median(v))" "$RESULTS")}
  RATE=$(python3 -c "print(int(round(0.7*float('$MAX'))))")
  log "P2 latency at a fixed $RATE req/s (70 % of $MAX)"
  for r in $(seq 1 "$RUNS"); do
    # paced wrk: 64 connections, each waiting on average 64000/RATE ms minus the typical latency at that load
    # (PACED_LATENCY_MS, 4) before its next request: a cheap client; the rate reached is reported beside the target
    paced=$(GG_DELAY_MS=$((64000 / RATE - ${PACED_LATENCY_MS:-4})) wrk_run /api/v1/temperature-checks "$($PY token "$KC" worker1)" 0 "$SECS")
    echo "$paced" | python3 -c "
import json,sys; o=json.loads(sys.stdin.read()); o.update(kind='p2paced', run=int(sys.argv[1]), target=int(sys.argv[2]))
print(json.dumps(o))" "$r" "$RATE" | tee -a "$RESULTS"
    out=$(NODE_PATH=$WORK/tools/node_modules node "$HERE/rate.js" "$BASE/api/v1/temperature-checks" "$RATE" "$SECS" \
      "$($PY token "$KC" worker1)" "$RESIDENTS" "$CHECKPOINT")
    python3 -c "
import json,sys; o=json.loads(sys.argv[1]); o.update(kind='p2rate', run=int(sys.argv[2]), errors=o['non2xx']+o['errors']+o['timeouts'])
print(json.dumps(o))" "$out" "$r" | tee -a "$RESULTS"
  done
fi
echo "{\"kind\": \"env-end\", \"uptime\": \"$(uptime)\", \"rows_after\": $($PSQL -c 'select count(*) from temperature_check')}" >>"$RESULTS"
$PY summary "$RESULTS" "${RESULTS%.jsonl}.md"
log "results: $RESULTS and ${RESULTS%.jsonl}.md; load at the end: $(uptime)"
