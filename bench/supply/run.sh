#!/usr/bin/env bash
# Supplies benchmark (issue 18, "Performance"; not a test, never run by bin/test). Everything runs privately on this
# script's ports, set up by bench/lib.sh like the other benchmarks: PostgreSQL 15 on $PG_PORT, Keycloak on $KC_PORT
# with the project realm (real tokens), the packaged bench build of the API on $API_PORT with the demo
# (COMMUNITIES=1: the stock figures do not depend on the census). bench/supply/data.sql adds, once, 20 items, 2,000
# storage places and 1,000,000 movements with their lines and balances (kept in $WORK/pg).
#
#  stock  "stock on hand per place": N sequential GETs of /api/v1/supplies/places/{id}/stock as admin, cycling over
#         the 2,000 places (after WARMUP GETs), and N runs of the same query by hand in one psql session
#         (bench/supply/stock.sql, \timing, the same places in the same order), and N runs of the same figures
#         summed from the ledger by hand, without the balance table (stock-ledger.sql): p50/p95 and the ratios.
# Each figure: median of RUNS runs with the spread; results in $WORK/results/<time>.jsonl and .md.
#
# Usage: bench/supply/run.sh [runs=3]
# Env: COMMUNITIES (1), N (1000, at most the 2,000 places), WARMUP (1000), SKIP_BUILD=1, KEEP=1, GG_BENCH_DIR (/tmp/gg-supply-bench),
#      PG_PORT (36432), KC_PORT (36180, +1 mgmt), API_PORT (36080, +1 https), DB (gridguard), BENCH_APP, API_JAVA_OPTS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/supply
RUNS=${1:-3}; COMMUNITIES=${COMMUNITIES:-1}; N=${N:-1000}; WARMUP=${WARMUP:-1000}
WORK=${GG_BENCH_DIR:-/tmp/gg-supply-bench}; PG_PORT=${PG_PORT:-36432}; KC_PORT=${KC_PORT:-36180}; API_PORT=${API_PORT:-36080}
DB=${DB:-gridguard}
PY="python3 $HERE/bench.py"
. "$ROOT/bench/lib.sh"
bench_setup
bench_build org/gridguard/bench/BareInsertResource
bench_pg
bench_keycloak
bench_api
BASE=http://localhost:$API_PORT; KC=http://localhost:$KC_PORT
if [[ $($PSQL -c "select count(*) from supply_movement where actor = 'bench'") -lt 1000000 ]]; then
  log "loading 2,000 places and 1,000,000 movements (once)"
  $PSQL -f "$HERE/data.sql" >/dev/null
fi
$PSQL -c "select id from supply_place where created_by = 'bench' order by md5(id::text)" >"$WORK/places.txt"
echo "{\"kind\": \"env\", \"uptime\": \"$(uptime)\", \"movements\": $($PSQL -c 'select count(*) from supply_movement'),\
 \"places\": $($PSQL -c 'select count(*) from supply_place'), \"balances\": $($PSQL -c 'select count(*) from supply_balance')}" \
  | tee -a "$RESULTS"
log "warm-up ($WARMUP GETs)"
$PY stock "$BASE" "$($PY token "$KC" admin)" "$WORK/places.txt" "$WARMUP" >/dev/null
for r in $(seq 1 "$RUNS"); do
  api=$($PY stock "$BASE" "$($PY token "$KC" admin)" "$WORK/places.txt" "$N")
  by_hand() {  # by_hand FILE: the query of FILE for each of the first N places, in one psql session, \timing
    { echo '\timing on'; head -n "$N" "$WORK/places.txt" | while read -r p; do echo "\\set place $p"; cat "$1"; done
    } >"$WORK/q.sql"
    $PSQL -f "$WORK/q.sql" >"$WORK/q.out"
    $PY psql-times "$WORK/q.out"
  }
  sql=$(by_hand "$HERE/stock.sql"); ledger=$(by_hand "$HERE/stock-ledger.sql")
  python3 -c "
import json,sys; a=json.loads(sys.argv[1]); q=json.loads(sys.argv[2]); l=json.loads(sys.argv[3])
print(json.dumps({'kind':'stock','run':int(sys.argv[4]),'api':a,'sql':q,'ledger_sql':l,'api_p50_ms':a['p50_ms'],
 'api_p95_ms':a['p95_ms'],'sql_p50_ms':q['p50_ms'],'sql_p95_ms':q['p95_ms'],'ledger_p50_ms':l['p50_ms'],
 'ledger_p95_ms':l['p95_ms'],'ratio_p95':round(a['p95_ms']/q['p95_ms'],2),'ratio_ledger_p95':round(a['p95_ms']/l['p95_ms'],2),
 'load':open('/proc/loadavg').read().split()[:3]}))
" "$api" "$sql" "$ledger" "$r" | tee -a "$RESULTS"
done
python3 - "$RESULTS" <<'PYEOF' | tee "${RESULTS%.jsonl}.md"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def line(key, goal):
    v = [r[key] for r in rows if r["kind"] == "stock"]
    if v:
        print("| stock %s | %d | %s | %s–%s | %s |" % (key, len(v), statistics.median(v), min(v), max(v), goal))
print("| measure | runs | median | spread | goal |\n| --- | --- | --- | --- | --- |")
line("api_p50_ms", ""); line("api_p95_ms", "< 50 ms"); line("sql_p50_ms", ""); line("sql_p95_ms", "")
line("ledger_p50_ms", ""); line("ledger_p95_ms", ""); line("ratio_p95", "≤ 1.5"); line("ratio_ledger_p95", "≤ 1.5")
PYEOF
log "results: $RESULTS; load at the end: $(uptime)"
