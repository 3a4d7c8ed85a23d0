#!/usr/bin/env bash
# Nucleic-acid round benchmark (issue 6, "Performance"; not a test). Everything runs privately on this script's ports,
# set up by bench/lib.sh like the temperature benchmark (ADR 0014): PostgreSQL 15 on $PG_PORT (fsync on, autovacuum
# off, analyzed between phases), Keycloak on $KC_PORT with the project realm (real tokens), the packaged bench build
# of the API on $API_PORT with the city demo (COMMUNITIES=150 ≈ 1M residents). The supervisor is given the whole
# district (an assignment row), creates a round over it through the API (pool size 10, lab lab-demo) and moves it to
# SAMPLING; bench/testing/data.sql then generates its samples set-based: every living resident once in a pool of 10
# of their cell except ~3 % missing, visitors up to TOTAL_SAMPLES, 4 tubes in 5 with a NEGATIVE result. All of that
# is cached in $WORK/pg (table bench_round) and reused by the next runs, each of which first removes the samples
# and pools the runs before it registered and has the rollup counted again.
#
#  lab       LAB_ROWS tube results as batches of 1,000 through POST …/tube-results/batch (client credentials of
#            lab-demo, LAB_CLIENTS (2) senders in parallel, POSITIVE_SHARE positive), for tubes still waiting for a result (reset
#            before every run, untimed; a run starts once the results of the one before are counted); then the history rows it wrote are deleted and `\copy`-ed back into the
#            same table (test_tube_result): rows/s ratio.
#  coverage  while a background writer posts WRITER_RATE samples/s (autocannon, supervisor token): COV_CITY
#            sequential GETs of the round's coverage (no areaId: one row per grid cell of the city) and COV_CELL of
#            one cell (BH-C001-G01: one row per compound, from the per-building rollup, ADR 0018), each followed by as many runs of a
#            hand-written GROUP BY over the same tables in psql (bench/testing/{city,cell}.sql, \timing): p50/p95
#            ratios. The API's totals and the GROUP BY's are both recorded.
#  sampling  wrk, 64 connections, SECONDS_PER_RUN each: the bare JDBC insert endpoint of the bench build
#            (/bench/raw/test-rounds/{id}/samples) and POST /api/v1/test-rounds/{id}/samples with a fresh supervisor
#            token; random residents of the city, a fresh client id each, pools of 10; ratio of requests/s.
#  soak      SOAK_SECONDS at 70 % of the median maximum of the real endpoint (autocannon overallRate, 64
#            connections, token renewed): errors, and the last minute's 2xx/s over the first minute's.
#  first     (issue 27; put it first: PHASES="first lab") the first run, as a new deployment meets it: a fresh
#            database $DB (gridguard_first) cloned from one that holds only the loaded city, its statistics as the
#            load left them (test_sample analyzed empty; $DB_city is loaded once, ~5 min, and kept), no round, nothing
#            counted. The API starts on it; a round over the city is opened; from its first second on, TOTAL_SAMPLES
#            arrive at ARRIVAL_RATE samples/s (bench/testing/arrive.sql: a few cells' pools a commit, each sampled
#            person queued with their sample as the API queues them) while WRITER_RATE samples/s come through the
#            API. Every second: the figures' age as the API answers it (now − asOf of the round's coverage), the
#            sessions waiting on the coverage lock and the longest refresh statement. Then the drain, and the API's
#            totals against the hand-written GROUP BY. A lab phase after it starts cold (no warm-up): run 1 is the
#            first run's lab ratio, the others the warm ones.
# Each figure: median of RUNS runs with the spread (min–max); results in $WORK/results/<time>.{jsonl,md}.
#
# Usage: bench/testing/run.sh [runs=3]
# Env: COMMUNITIES (150), TOTAL_SAMPLES (1,000,000 × COMMUNITIES / 150), LAB_ROWS (20000), LAB_WARMUP_ROWS (20000), LAB_WARMUP_PASSES (4), LAB_CLIENTS (2),
#      POSITIVE_SHARE (0.002), COV_CITY (30), COV_CELL (200), COV_WARMUP (1000), WRITER_RATE (20), SECONDS_PER_RUN (20), WARMUP (15; the
#      real endpoint gets 3× that), SOAK_SECONDS (600), RATE_MAX (instead of the measured maximum), PHASES ("lab
#      coverage sampling soak"), SKIP_BUILD=1, KEEP=1, LOAD_ONLY=1 (start, load demo and round, stop),
#      GG_BENCH_DIR (/tmp/gg-rounds-bench), PG_PORT (36432), KC_PORT (36180, +1 mgmt), API_PORT (36080, +1 https),
#      DB (gridguard; gridguard_first with "first"), ARRIVAL_RATE (2000), BENCH_APP, API_JAVA_OPTS (-Xmx2g).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/testing
RUNS=${1:-3}; COMMUNITIES=${COMMUNITIES:-150}; TOTAL=${TOTAL_SAMPLES:-$((1000000 * COMMUNITIES / 150))}
LAB_ROWS=${LAB_ROWS:-20000}; LAB_WARMUP=${LAB_WARMUP_ROWS:-20000}; POS=${POSITIVE_SHARE:-0.002}
COV_CITY=${COV_CITY:-30}; COV_CELL=${COV_CELL:-200}; WRITER_RATE=${WRITER_RATE:-20}
SECS=${SECONDS_PER_RUN:-20}; WARMUP=${WARMUP:-15}; SOAK=${SOAK_SECONDS:-600}
WORK=${GG_BENCH_DIR:-/tmp/gg-rounds-bench}; PG_PORT=${PG_PORT:-36432}; KC_PORT=${KC_PORT:-36180}; API_PORT=${API_PORT:-36080}
PHASES=${PHASES:-lab coverage sampling soak}; FIRST=0; [[ " $PHASES " == *" first "* ]] && FIRST=1
if (( FIRST )); then DB=${DB:-gridguard_first}; LAB_WARMUP_PASSES=${LAB_WARMUP_PASSES:-0}; else DB=${DB:-gridguard}; fi
ARRIVAL_RATE=${ARRIVAL_RATE:-2000}
PY="python3 $HERE/bench.py"
. "$ROOT/bench/lib.sh"
bench_setup
bench_tools
bench_build org/gridguard/bench/BareSampleResource
bench_pg
bench_keycloak
BASE=http://localhost:$API_PORT; KC=http://localhost:$KC_PORT
sup_token() { $PY token "$KC" supervisor; }
lab_token() { $PY client-token "$KC" lab-demo lab-demo-secret; }
if (( FIRST )); then
  PSQL0=${PSQL% -d *}
  TEMPLATE=${DB}_city
  if ! $PSQL0 -c "select 1 from pg_database where datname = '$TEMPLATE'" | grep -q 1; then
    log "first run: loading the city into $TEMPLATE once (the API's demo load), then vacuum analyze as after an import"
    $PSQL0 -c "create database $TEMPLATE"
    (DB=$TEMPLATE; PSQL="$PSQL0 -d $TEMPLATE"; bench_api; kill "$API_PID"; wait "$API_PID" 2>/dev/null || true)
    $PSQL0 -d "$TEMPLATE" -c "vacuum analyze" -c "checkpoint" >/dev/null
  fi
  log "first run: a fresh database $DB from $TEMPLATE"
  $PSQL0 -c "drop database if exists $DB" -c "create database $DB template $TEMPLATE" >/dev/null
fi
bench_api
# how old the coverage figures are, as the API answers a supervisor (now − asOf), every second during a phase
AGE_PATH=""
fresh_start() {
  $PY age "$BASE" "$KC" supervisor "$AGE_PATH" "$WORK/age-$1-$STAMP.jsonl" &
  FRESH=$!; PIDS+=($FRESH)
}
fresh_stop() {
  kill $FRESH 2>/dev/null; wait $FRESH 2>/dev/null || true
  $PY age-summary "$WORK/age-$1-$STAMP.jsonl" 0 "$1" | tee -a "$RESULTS"
}

# --- the round (cached with the cluster) ---
DISTRICT=$($PSQL -c "select id from area_node where kind = 'DISTRICT' order by code limit 1")
$PSQL -c "insert into assignment (id, principal, principal_type, role, node_id, created_by)
  values (gen_random_uuid(), 'supervisor', 'USER', 'supervisor', '$DISTRICT', 'bench') on conflict do nothing"
CELL=$($PSQL -c "select id from area_node where code = 'BH-C001-G01'")
if (( FIRST )); then
  # --- the first run: a new round on a fresh database, its samples arriving from its first second ---
  $PSQL -c "select pg_stat_reset()" >/dev/null
  CELLS=$($PSQL -c "select count(*) from area_node where kind = 'GRID_CELL'")
  LIVING=$($PSQL -c "select count(*) from resident where status = 'LIVING'")
  PER_CELL=$(( (TOTAL + CELLS - 1) / CELLS ))
  VISITORS=$(( (TOTAL - LIVING * 97 / 100) / CELLS )); (( VISITORS < 0 )) && VISITORS=0
  STEP=$(( (ARRIVAL_RATE + PER_CELL - 1) / PER_CELL )); (( STEP < 1 )) && STEP=1
  T0=$(date +%s.%N)
  ROUND=$($PY round "$BASE" "$(sup_token)" "$DISTRICT")
  log "first run: round $ROUND opened over $CELLS cells ($LIVING living residents); $TOTAL samples arrive at ~$ARRIVAL_RATE/s ($STEP cells a second, $VISITORS visitors a cell)"
  AGE_PATH=/api/v1/test-rounds/$ROUND/coverage
  fresh_start first
  # sessions waiting on the coverage lock, the longest wait, the longest refresh statement, the API's sessions
  ( while :; do $PSQL -c "select json_build_object('t', extract(epoch from clock_timestamp()),
      'waiting', count(*) filter (where wait_event = 'advisory'),
      'wait_s', coalesce(max(extract(epoch from clock_timestamp() - state_change)) filter (where wait_event = 'advisory'), 0),
      'refresh_s', coalesce(max(extract(epoch from clock_timestamp() - query_start))
        filter (where application_name = 'gridguard-rollup' and state = 'active'), 0),
      'api_sessions', count(*) filter (where application_name = 'gridguard-api'))
      from pg_stat_activity" 2>/dev/null || true; sleep 1; done ) >"$WORK/locks-$STAMP.jsonl" &
  LOCKS=$!; PIDS+=($LOCKS)
  $PSQL -c "select id from resident where status = 'LIVING' order by md5(id::text) limit 20000" >"$WORK/residents-first.txt"
  NODE_PATH=$WORK/tools/node_modules node "$HERE/rate.js" "$BASE" "$ROUND" "$WRITER_RATE" 100000 "$KC" supervisor \
    "$WORK/residents-first.txt" "fw$STAMP" >"$WORK/writer-first.json" 2>"$WORK/writer-first.err" &
  WRITER=$!; PIDS+=($WRITER)
  A0=$(date +%s.%N)
  for (( lo = 0; lo < CELLS; lo += STEP )); do
    t=$(date +%s.%N)
    $PSQL -v round="$ROUND" -v lo="$lo" -v hi="$(( lo + STEP ))" -v visitors="$VISITORS" -f "$HERE/arrive.sql" >/dev/null
    sleep "$(python3 -c "print(max(0, 1 - ($(date +%s.%N) - $t)))")"
  done
  A1=$(date +%s.%N)
  log "first run: $($PSQL -c "select count(*) from test_sample where round_id = '$ROUND'") samples arrived in $(python3 -c "print(round($A1 - $A0))") s; waiting for the rollup"
  kill -TERM $WRITER 2>/dev/null; wait $WRITER 2>/dev/null || true
  for i in $(seq 1 900); do
    [[ $($PSQL -c "select (select count(*) from test_dirty_person where round_id = '$ROUND')
      + (select count(*) from test_dirty_tube where round_id = '$ROUND') + (select count(*) from test_dirty_cell where round_id = '$ROUND')") == 0 ]] && break
    sleep 1; done
  A2=$(date +%s.%N)
  sleep 3
  kill $LOCKS 2>/dev/null; wait $LOCKS 2>/dev/null || true
  fresh_stop first
  api=$($PY latency "$BASE" "$(sup_token)" "/api/v1/test-rounds/$ROUND/coverage" 1)
  sql=$($PSQL -v round="$ROUND" -f <(echo "select json_build_object('expected', sum(expected), 'sampled', sum(sampled), 'missing', sum(missing)) from ("; sed 's/;$//' "$HERE/city.sql"; echo ") q;"))
  python3 - "$WORK/age-first-$STAMP.jsonl" "$WORK/locks-$STAMP.jsonl" "$T0" "$A0" "$A1" "$A2" "$api" "$sql" \
    "$($PSQL -c "select count(*) from test_sample where round_id = '$ROUND'")" "$LIVING" <<'PYEOF' | tee -a "$RESULTS"
import json, sys
ages = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
locks = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
t0, a0, a1, a2 = (float(x) for x in sys.argv[3:7])
api, sql = json.loads(sys.argv[7]), json.loads(sys.argv[8])
living = int(sys.argv[10])
# every cell counted: the first read whose expected figure holds the whole city's living residents
full = next((r["t"] for r in ages if r.get("expected", 0) >= living), None)
match = all(api["total"][k] == sql[k] for k in ("expected", "sampled", "missing"))
print(json.dumps({"kind": "first", "samples": int(sys.argv[9]), "arrival_s": round(a1 - a0), "drain_s": round(a2 - a1),
  "initial_count_s": round(full - t0, 1) if full else None,
  "advisory_waiters_max": max((l["waiting"] for l in locks), default=0),
  "advisory_wait_max_s": round(max((l["wait_s"] for l in locks), default=0), 2),
  "refresh_stmt_max_s": round(max((l["refresh_s"] for l in locks), default=0), 2),
  "api_sessions_max": max((l["api_sessions"] for l in locks), default=0),
  "totals_match": match, "api_totals": api["total"], "sql_totals": sql, "errors": 0 if match else 1}))
PYEOF
  $PY age-summary "$WORK/age-first-$STAMP.jsonl" "$(python3 -c "print($T0 + 60)")" "first run after its first minute" | tee -a "$RESULTS"
else
ROUND=$($PSQL -c "select id from bench_round limit 1" 2>/dev/null || true)
if [[ -z $ROUND ]]; then
  ROUND=$($PY round "$BASE" "$(sup_token)" "$DISTRICT")
  log "round $ROUND created and sampling; generating $TOTAL samples"
  $PSQL -v round="$ROUND" -v total="$TOTAL" -f "$HERE/data.sql"
fi
CELLS=$($PSQL -c "select count(*) from area_node where kind = 'GRID_CELL'")
# every invocation measures the round as generated: the samples and pools earlier runs registered (~700,000 per
# soak) are removed and the rollup is counted again from them, or each run would read more samples per person
added=$($PSQL -c "select count(*) from test_sample where round_id = '$ROUND' and sampled_by <> 'bench-data'")
if (( added > 0 )); then
  log "round $ROUND: removing $added samples registered by earlier runs; the rollup is counted again"
  $PSQL -c "delete from test_sample where round_id = '$ROUND' and sampled_by <> 'bench-data'" \
    -c "delete from test_task where round_id = '$ROUND' and tube_id in (select id from test_tube
          where round_id = '$ROUND' and opened_by <> 'bench-data')" \
    -c "delete from test_tube_result where round_id = '$ROUND'" \
    -c "delete from test_tube where round_id = '$ROUND' and opened_by <> 'bench-data'" \
    -c "delete from test_dirty_person where round_id = '$ROUND'" -c "delete from test_dirty_tube where round_id = '$ROUND'" \
    -c "delete from test_coverage_person where round_id = '$ROUND'" \
    -c "delete from test_coverage_building where round_id = '$ROUND'" -c "delete from test_coverage_cell where round_id = '$ROUND'" \
    -c "vacuum full test_sample" -c "vacuum full test_tube" -c "vacuum full test_coverage_person" \
    -c "vacuum full test_dirty_person" -c "vacuum full test_task" \
    -c "insert into test_dirty_cell (round_id, grid_cell_id) select '$ROUND', id from area_node where kind = 'GRID_CELL'
          on conflict do nothing" >/dev/null
fi
$PSQL -c "analyze" >/dev/null  # no autovacuum here: fresh statistics, or the planner guesses from empty tables
for i in $(seq 1 300); do
  [[ $($PSQL -c "select count(*) from test_coverage_cell where round_id = '$ROUND'") == "$CELLS" \
     && $($PSQL -c "select count(*) from test_dirty_cell where round_id = '$ROUND'") == 0 ]] && break; sleep 2; done
log "round $ROUND: $($PSQL -c "select count(*) from test_sample where round_id = '$ROUND'") samples, \
$($PSQL -c "select count(*) from test_tube where round_id = '$ROUND'") tubes, $CELLS cells in the rollup"
fi
# the age sampler of the phases below reads one cell (a city read every second would weigh on what they measure)
AGE_PATH="/api/v1/test-rounds/$ROUND/coverage?areaId=$CELL"
[[ ${LOAD_ONLY:-0} == 1 ]] && exit 0
echo "{\"kind\": \"env\", \"uptime\": \"$(uptime)\", \"residents\": $($PSQL -c 'select count(*) from resident'), \"round\": \"$ROUND\", \"samples_before\": $($PSQL -c "select count(*) from test_sample where round_id = '$ROUND'")}" >>"$RESULTS"

RESIDENTS=$WORK/residents.txt
$PSQL -c "select id from resident where status = 'LIVING' order by md5(id::text) limit 200000" >"$RESIDENTS"

if [[ " $PHASES " == *" lab "* ]]; then
  $PSQL -c "select barcode from test_tube where round_id = '$ROUND' and barcode like 'P%' order by barcode
    limit greatest($LAB_ROWS, $LAB_WARMUP)" >"$WORK/barcodes.txt"
  lab_reset() {  # the waiting tubes wait again: results, their history, re-test tasks and flags of positives (untimed)
    $PSQL -c "update test_tube set result = null, tested_at = null, lab = null, lab_ref = null, result_at = null
        where round_id = '$ROUND' and barcode like 'P%' and result is not null" \
      -c "delete from test_tube_result where round_id = '$ROUND'" \
      -c "delete from test_task where round_id = '$ROUND' and kind = 'RETEST'" \
      -c "delete from test_flag where round_id = '$ROUND'" \
      -c "vacuum analyze test_tube" -c "vacuum analyze test_tube_result" -c "vacuum analyze test_task" \
      -c "vacuum test_dirty_tube" -c "vacuum test_dirty_person" -c "checkpoint" >/dev/null  # (autovacuum is off here)
  }
  log "lab warm-up (${LAB_WARMUP_PASSES:-4} × $LAB_WARMUP rows: the JVM still compiles the lab path after one pass)"
  for w in $(seq 1 "${LAB_WARMUP_PASSES:-4}"); do
    lab_reset
    $PY lab "$BASE" "$(lab_token)" "$ROUND" "$WORK/barcodes.txt" "$LAB_WARMUP" "$POS" >/dev/null
  done
  tubes_counted() {  # seconds until every queued tube is counted (at most 600)
    local t0; t0=$(date +%s)
    for i in $(seq 1 600); do
      [[ $($PSQL -c "select count(*) from test_dirty_tube") == 0 ]] && break; sleep 1; done
    echo $(( $(date +%s) - t0 ))
  }
  fresh_start lab
  for r in $(seq 1 "$RUNS"); do
    lab_reset
    # each run starts with the results of the one before counted: otherwise their recount, still running, takes
    # a share of the cores that depends on how long the COPY and the reset took
    tubes_counted >/dev/null
    tok=$(lab_token); c0=$(cpu_now)
    api=$($PY lab "$BASE" "$tok" "$ROUND" "$WORK/barcodes.txt" "$LAB_ROWS" "$POS")
    api_cpu=$(cpu_delta "$c0" "$(cpu_now)")
    # the history rows it wrote, deleted and COPYed back into the same table (untimed export and delete)
    $PSQL -c "\\copy (select * from test_tube_result where round_id = '$ROUND') to '$WORK/rows.copy'" \
      -c "delete from test_tube_result where round_id = '$ROUND'" -c "vacuum analyze test_tube_result" -c "checkpoint" >/dev/null
    n=$(wc -l <"$WORK/rows.copy")
    c0=$(cpu_now); t0=$(date +%s.%N); $PSQL -c "\\copy test_tube_result from '$WORK/rows.copy'"; t1=$(date +%s.%N)
    copy_cpu=$(cpu_delta "$c0" "$(cpu_now)")
    python3 -c "
import json,sys; a=json.loads(sys.argv[1]); n=int(sys.argv[2]); s=float(sys.argv[4])-float(sys.argv[3])
ac=json.loads(sys.argv[6]); cc=json.loads(sys.argv[7]); acpu=ac['api_cpu_s']+ac['pg_cpu_s']; ccpu=cc['pg_cpu_s']
c=n/s; ok=a['statuses'].get('CREATED',0)
print(json.dumps({'kind':'lab','run':int(sys.argv[5]),'api':a,'api_rows_per_s':a['rows_per_s'],'copy_rows':n,
 'copy_s':round(s,3),'copy_rows_per_s':round(c,1),'ratio':round(a['rows_per_s']/c,3),'api_cpu':ac,'copy_cpu':cc,
 'cpu_ratio':round((ccpu/n)/(acpu/a['rows']),3) if acpu > 0 and ccpu > 0 else None,
 'errors':0 if ok==a['rows'] and n==a['rows'] else 1}))
" "$api" "$n" "$t0" "$t1" "$r" "$api_cpu" "$copy_cpu" | tee -a "$RESULTS"
  done
  # the lab posts far faster than a city's labs do: the figures lag until the recount has caught up
  drain=$(tubes_counted)
  fresh_stop lab
  echo "{\"kind\": \"lab-drain\", \"seconds\": $drain, \"errors\": 0}" | tee -a "$RESULTS"
  lab_reset
fi

if [[ " $PHASES " == *" coverage "* ]]; then
  CELL=$($PSQL -c "select id from area_node where code = 'BH-C001-G01'")
  $PSQL -c "vacuum analyze test_sample" -c "vacuum analyze test_coverage_cell" -c "vacuum analyze test_coverage_building" \
    -c "checkpoint" >/dev/null
  NODE_PATH=$WORK/tools/node_modules node "$HERE/rate.js" "$BASE" "$ROUND" "$WRITER_RATE" 100000 "$KC" supervisor \
    "$RESIDENTS" "cw$STAMP" >"$WORK/writer.json" 2>"$WORK/writer.err" &
  WRITER=$!; PIDS+=($WRITER)
  sql_times() {  # sql_times FILE.sql N -> p50/p95 of N runs in one psql session
    { echo '\timing on'; for i in $(seq 1 "$2"); do cat "$1"; done; } >"$WORK/q.sql"
    $PSQL -v round="$ROUND" -v cell="$CELL" -f "$WORK/q.sql" >"$WORK/q.out"
    $PY psql-times "$WORK/q.out"
  }
  sql_totals() {  # the GROUP BY's totals, for the record
    $PSQL -v round="$ROUND" -v cell="$CELL" -f <(echo "select json_build_object('expected', sum(expected), 'sampled', sum(sampled), 'missing', sum(missing)) from ("; sed 's/;$//' "$1"; echo ") q;")
  }
  fresh_start coverage
  log "coverage warm-up (writer at $WRITER_RATE samples/s)"
  $PY latency "$BASE" "$(sup_token)" "/api/v1/test-rounds/$ROUND/coverage" 5 >/dev/null
  # the JVM still compiles the read path after a few dozen requests (its compiler threads took 0.9 CPU-s in a first
  # measured run of 300)
  $PY latency "$BASE" "$(sup_token)" "/api/v1/test-rounds/$ROUND/coverage?areaId=$CELL" "${COV_WARMUP:-1000}" >/dev/null
  for r in $(seq 1 "$RUNS"); do
    for scope in city cell; do
      if [[ $scope == city ]]; then path="/api/v1/test-rounds/$ROUND/coverage"; n=$COV_CITY
      else path="/api/v1/test-rounds/$ROUND/coverage?areaId=$CELL"; n=$COV_CELL; fi
      c0=$(cpu_now); api=$($PY latency "$BASE" "$(sup_token)" "$path" "$n"); api_cpu=$(cpu_delta "$c0" "$(cpu_now)")
      c0=$(cpu_now); sql=$(sql_times "$HERE/$scope.sql" "$n"); sql_cpu=$(cpu_delta "$c0" "$(cpu_now)")
      python3 -c "
import json,sys; a=json.loads(sys.argv[1]); q=json.loads(sys.argv[2])
print(json.dumps({'kind':'coverage','scope':sys.argv[3],'run':int(sys.argv[4]),'api':a,'sql':q,'sql_totals':json.loads(sys.argv[5]),
 'ratio_p50':round(a['p50_ms']/q['p50_ms'],3),'ratio_p95':round(a['p95_ms']/q['p95_ms'],3),
 'api_cpu':json.loads(sys.argv[6]),'sql_cpu':json.loads(sys.argv[7]),'errors':0}))
" "$api" "$sql" "$scope" "$r" "$(sql_totals "$HERE/$scope.sql")" "$api_cpu" "$sql_cpu" | tee -a "$RESULTS"
    done
  done
  kill -TERM $WRITER; wait $WRITER || true
  fresh_stop coverage
  python3 -c "
import json,sys; o=json.loads(open(sys.argv[1]).read()); o.pop('per_second',None)
o.update(kind='writer', errors=o['non2xx']+o['errors']+o['timeouts']); print(json.dumps(o))" "$WORK/writer.json" | tee -a "$RESULTS"
fi

wrk_run() {  # wrk_run PATH TOKEN SECONDS -> WRKJSON line's JSON plus the CPU used
  local c0 out; c0=$(cpu_now)
  out=$(GG_PATH=$1 GG_TOKEN=$2 GG_RESIDENTS=$RESIDENTS GG_PREFIX="w$(date +%s%N | tail -c 10)" \
    wrk -t2 -c64 -d"$3"s --timeout 10s -s "$HERE/sample.lua" "$BASE" | sed -n 's/^WRKJSON //p')
  python3 -c "import json,sys; o=json.loads(sys.argv[1]); o.update(json.loads(sys.argv[2])); print(json.dumps(o))" "$out" "$(cpu_delta "$c0" "$(cpu_now)")"
}
RAW=/bench/raw/test-rounds/$ROUND/samples; REAL=/api/v1/test-rounds/$ROUND/samples
if [[ " $PHASES " == *" sampling "* ]]; then
  $PSQL -c "vacuum analyze test_sample" -c "vacuum analyze test_tube" -c "checkpoint" >/dev/null
  log "sampling warm-up (${WARMUP}s bare, 3 × ${WARMUP}s real)"
  wrk_run "$RAW" "" "$WARMUP" >/dev/null
  for i in 1 2 3; do wrk_run "$REAL" "$(sup_token)" "$WARMUP" >/dev/null; done
  fresh_start sampling
  for r in $(seq 1 "$RUNS"); do
    raw=$(wrk_run "$RAW" "" "$SECS")
    tok=$(wrk_run "$REAL" "$(sup_token)" "$SECS")
    python3 -c "
import json,sys; raw,tok=(json.loads(a) for a in sys.argv[1:3])
print(json.dumps({'kind':'sampling','run':int(sys.argv[3]),'raw':raw,'token':tok,'raw_rps':raw['rps'],'token_rps':tok['rps'],
 'ratio':round(tok['rps']/raw['rps'],3),
 'cpu_ms':{k:round(1000*(v['api_cpu_s']+v['pg_cpu_s'])/max(1,v['requests']-v['errors']),3) for k,v in (('raw',raw),('token',tok))},
 'errors':raw['errors']+tok['errors']}))" "$raw" "$tok" "$r" | tee -a "$RESULTS"
  done
  fresh_stop sampling
fi
if [[ " $PHASES " == *" soak "* ]]; then
  MAX=${RATE_MAX:-$(python3 -c "
import json,statistics,sys; v=[json.loads(l)['token_rps'] for l in open(sys.argv[1]) if '\"kind\": \"sampling\"' in l]
print(statistics.median(v))" "$RESULTS")}
  RATE=$(python3 -c "print(max(1, int(round(0.7*float('$MAX')))))")
  log "soak: $SOAK s at $RATE samples/s (70 % of $MAX)"
  c0=$(cpu_now); fresh_start soak
  out=$(NODE_PATH=$WORK/tools/node_modules node "$HERE/rate.js" "$BASE" "$ROUND" "$RATE" "$SOAK" "$KC" supervisor \
    "$RESIDENTS" "s$STAMP")
  fresh_stop soak
  python3 -c "
import json,sys; o=json.loads(sys.argv[1]); o.update(kind='soak', max=float(sys.argv[2]), cpu=json.loads(sys.argv[3]),
 errors_total=o['non2xx']+o['errors']+o['timeouts']); o['errors']=o['errors_total']
print(json.dumps(o))" "$out" "$MAX" "$(cpu_delta "$c0" "$(cpu_now)")" | tee -a "$RESULTS" | python3 -c "
import json,sys; o=json.loads(sys.stdin.read()); o.pop('per_second'); print(json.dumps(o))"
fi
echo "{\"kind\": \"env-end\", \"uptime\": \"$(uptime)\", \"samples_after\": $($PSQL -c "select count(*) from test_sample where round_id = '$ROUND'")}" >>"$RESULTS"
$PY summary "$RESULTS" "${RESULTS%.jsonl}.md"
log "results: $RESULTS and ${RESULTS%.jsonl}.md; load at the end: $(uptime)"
