#!/usr/bin/env bash
# Daily report benchmark (issue 20, "Performance"; not a test, never run by bin/test). Everything runs privately on
# this script's ports, set up by bench/lib.sh like the other benchmarks: PostgreSQL 15 on $PG_PORT, Keycloak on
# $KC_PORT with the project realm (real tokens), the packaged bench build of the API on $API_PORT with the city demo
# (COMMUNITIES=150 ≈ 1M residents, loaded once into $WORK/pg and kept) and 30 days of activity added once
# (bench/report/activity.sql: gate and door temperature checks, household verifications).
#
#  report    N sequential GETs of /api/v1/daily-reports?areaId=<district>&date=<yesterday> as admin (the district of
#            150 communities; after WARMUP GETs), and N runs by hand in one psql session of the same figures' SQL:
#            the statements one report sends, captured from PostgreSQL's log (log_min_duration_statement = 0 for one
#            call) with their parameters bound as literals ($WORK/report.sql; \timing, summed per report): p50/p95
#            and the ratio. The statements are the sections' own set-based SQL, so the ratio is the cost of
#            everything around them (HTTP, token, reach, assembling the report).
#  dashboard N sequential GETs of /api/v1/dashboard as leader1 (zone BH-C001-Z1): p50/p95.
# Each figure: median of RUNS runs with the spread; results in $WORK/results/<time>.jsonl and .md.
#
# Usage: bench/report/run.sh [runs=3]
# Env: COMMUNITIES (150), N (200), WARMUP (200), SKIP_BUILD=1, KEEP=1, GG_BENCH_DIR (/tmp/gg-report-bench),
#      PG_PORT (39432), KC_PORT (39180, +1 mgmt), API_PORT (39080, +1 https), DB (gridguard), BENCH_APP, API_JAVA_OPTS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/report
RUNS=${1:-3}; COMMUNITIES=${COMMUNITIES:-150}; N=${N:-200}; WARMUP=${WARMUP:-200}
WORK=${GG_BENCH_DIR:-/tmp/gg-report-bench}; PG_PORT=${PG_PORT:-39432}; KC_PORT=${KC_PORT:-39180}; API_PORT=${API_PORT:-39080}
DB=${DB:-gridguard}
PY="python3 $HERE/bench.py"
. "$ROOT/bench/lib.sh"
bench_setup
bench_build org/gridguard/bench/BareInsertResource
bench_pg
bench_keycloak
bench_api
BASE=http://localhost:$API_PORT; KC=http://localhost:$KC_PORT
if [[ $($PSQL -c "select count(*) from temperature_check where recorded_by = 'bench'") -lt 1000 ]]; then
  log "adding 30 days of activity (once)"
  $PSQL -f "$HERE/activity.sql" >/dev/null
fi
DISTRICT=$($PSQL -c "select id from area_node where kind = 'DISTRICT' order by code limit 1")
DISTRICT_PATH=$($PSQL -c "select path from area_node where id = '$DISTRICT'")
DAY=$(TZ=Asia/Shanghai date -d yesterday +%F)
echo "{\"kind\": \"env\", \"uptime\": \"$(uptime)\", \"residents\": $($PSQL -c 'select count(*) from resident'),\
 \"communities\": $($PSQL -c "select count(*) from area_node where kind = 'COMMUNITY' and path like '$DISTRICT_PATH%'"),\
 \"temperature_checks\": $($PSQL -c 'select count(*) from temperature_check'),\
 \"verifications\": $($PSQL -c 'select count(*) from household_verification')}" | tee -a "$RESULTS"
REPORT="/api/v1/daily-reports?areaId=$DISTRICT&date=$DAY"
log "warm-up ($WARMUP GETs of the district's report)"
$PY get "$BASE" "$($PY token "$KC" admin)" "$REPORT" "$WARMUP" >/dev/null
# the SQL by hand: the statements one report sent, as PostgreSQL logged them, with their parameters bound
OFFSET=$(stat -c %s "$WORK/pg.log")
$PSQL -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
$PY get "$BASE" "$($PY token "$KC" admin)" "$REPORT" 1 >/dev/null
$PSQL -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
log "the report's statements: $($PY capture "$WORK/pg.log" "$OFFSET" "$WORK/report.sql")"
for r in $(seq 1 "$RUNS"); do
  api=$($PY get "$BASE" "$($PY token "$KC" admin)" "$REPORT" "$N")
  { echo '\timing on'; for i in $(seq 1 "$N"); do echo "-- report $i"; cat "$WORK/report.sql"; done; } >"$WORK/q.sql"
  $PSQL -f "$WORK/q.sql" >"$WORK/q.out"
  sql=$($PY report-times "$WORK/q.out" "$N")
  dash=$($PY get "$BASE" "$($PY token "$KC" leader1)" "/api/v1/dashboard" "$N")
  python3 -c "
import json,sys; a=json.loads(sys.argv[1]); q=json.loads(sys.argv[2]); d=json.loads(sys.argv[3])
print(json.dumps({'kind':'report','run':int(sys.argv[4]),'api':a,'sql':q,'dashboard':d,'api_p50_ms':a['p50_ms'],
 'api_p95_ms':a['p95_ms'],'sql_p50_ms':q['p50_ms'],'sql_p95_ms':q['p95_ms'],'ratio_p95':round(a['p95_ms']/q['p95_ms'],2),
 'dashboard_p50_ms':d['p50_ms'],'dashboard_p95_ms':d['p95_ms'],'load':open('/proc/loadavg').read().split()[:3]}))
" "$api" "$sql" "$dash" "$r" | tee -a "$RESULTS"
done
python3 - "$RESULTS" <<'PYEOF' | tee "${RESULTS%.jsonl}.md"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def line(key, goal):
    v = [r[key] for r in rows if r["kind"] == "report"]
    if v:
        print("| %s | %d | %s | %s–%s | %s |" % (key, len(v), statistics.median(v), min(v), max(v), goal))
print("| measure | runs | median | spread | goal |\n| --- | --- | --- | --- | --- |")
line("api_p50_ms", ""); line("api_p95_ms", "< 300 ms"); line("sql_p50_ms", ""); line("sql_p95_ms", "")
line("ratio_p95", "≤ 1.5"); line("dashboard_p50_ms", ""); line("dashboard_p95_ms", "< 200 ms")
PYEOF
log "results: $RESULTS; load at the end: $(uptime)"
