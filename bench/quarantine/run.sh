#!/usr/bin/env bash
# Quarantine benchmark (issue 17, "Performance"; not a test, never run by bin/test). Everything runs privately on this
# script's ports, set up by bench/lib.sh like the other benchmarks: PostgreSQL 15 on $PG_PORT (fsync on, autovacuum
# off, analyzed between phases), Keycloak on $KC_PORT with the project realm (real tokens), the packaged bench build
# of the API on $API_PORT with the city demo (COMMUNITIES=150 ≈ 1M residents, loaded once into $WORK/pg and kept).
# The import rate limit (20 lists an hour per client) is raised for the run: ten lists a run, RUNS runs.
#
#  due    bench/quarantine/cell.sql: 500 active orders in BH-C001-G01 (worker1's cell), a morning visit for every
#         other one, HISTORY (3,000) released orders of the community over the year before. Then DUE_N sequential
#         GETs of /api/v1/quarantine-visits/due?limit=50 as worker1 (after DUE_WARMUP), and as many runs of the same
#         SQL with the same values in one psql session (bench/quarantine/due.sql, \timing): p50/p95 and their ratio.
#         Once: EXPLAIN (ANALYZE, BUFFERS) of the query before V21/ADR 0037 (due-before.sql) and after (due.sql).
#  lists  LISTS (10) lists of LIST_SIZE (5,000) census residents each (name, 小区, 楼栋, 门牌号: matched by address),
#         one community a list, through POST /api/v1/quarantine-lists (JSON) as agency-demo (client credentials;
#         given the district for the run) from LIST_CLIENTS (2) clients in parallel; the clock stops when every
#         list's job has finished. Then the orders they made are exported, removed, and `\copy`-ed back into
#         quarantine_order: people/s of the API ÷ rows/s of COPY. Every run starts from no list orders (reset, untimed).
# Each figure: median of RUNS runs with the spread; results in $WORK/results/<time>.jsonl, the plans in <time>-explain.txt.
#
# Usage: bench/quarantine/run.sh [runs=3]
# Env: COMMUNITIES (150), LISTS (10), LIST_SIZE (5000), LIST_CLIENTS (2), DUE_N (200), DUE_WARMUP (500), HISTORY (3000),
#      PHASES ("due lists"), SKIP_BUILD=1, KEEP=1, GG_BENCH_DIR (/tmp/gg-quarantine-bench), PG_PORT (38432),
#      KC_PORT (38180, +1 mgmt), API_PORT (38080, +1 https), DB (gridguard), BENCH_APP, API_JAVA_OPTS (-Xmx2g).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/quarantine
RUNS=${1:-3}; COMMUNITIES=${COMMUNITIES:-150}; LISTS=${LISTS:-10}; LIST_SIZE=${LIST_SIZE:-5000}
DUE_N=${DUE_N:-200}; DUE_WARMUP=${DUE_WARMUP:-500}; HISTORY=${HISTORY:-3000}
WORK=${GG_BENCH_DIR:-/tmp/gg-quarantine-bench}; PG_PORT=${PG_PORT:-38432}; KC_PORT=${KC_PORT:-38180}; API_PORT=${API_PORT:-38080}
PHASES=${PHASES:-due lists}; DB=${DB:-gridguard}
PY="python3 $HERE/bench.py"
. "$ROOT/bench/lib.sh"
bench_setup
bench_build org/gridguard/bench/BareInsertResource
bench_pg
bench_keycloak
bench_api GRIDGUARD_RATE_LIMIT_IMPORT_CAPACITY=100000
BASE=http://localhost:$API_PORT; KC=http://localhost:$KC_PORT
DISTRICT=$($PSQL -c "select id from area_node where kind = 'DISTRICT' order by code limit 1")
$PSQL -c "insert into assignment (id, principal, principal_type, role, node_id, created_by)
  values (gen_random_uuid(), 'agency-demo', 'CLIENT', 'agency', '$DISTRICT', 'bench') on conflict do nothing" >/dev/null
echo "{\"kind\": \"env\", \"uptime\": \"$(uptime)\", \"residents\": $($PSQL -c 'select count(*) from resident')}" | tee -a "$RESULTS"

if [[ " $PHASES " == *" due "* ]]; then
  DAY=$(TZ=Asia/Shanghai date +%F)
  $PSQL -v day="$DAY" -v history="$HISTORY" -f "$HERE/cell.sql" >/dev/null
  COMM=$($PSQL -c "select id from area_node where code = 'BH-C001'")
  CELL_PATH=$($PSQL -c "select path from area_node where code = 'BH-C001-G01'")
  # the day's windows as the API binds them (gridguard.quarantine.windows.* defaults: 08-10, 16-18 for every kind)
  read -r KINDS SLOTS STARTS ENDS < <(python3 - "$DAY" <<'PYEOF'
import datetime, sys
d = datetime.date.fromisoformat(sys.argv[1]); tz = datetime.timezone(datetime.timedelta(hours=8))
k, s, a, b = [], [], [], []
for kind in ("HOME_ISOLATION", "HOME_MONITORING", "CENTRAL_ISOLATION"):
    for slot, h0, h1 in (("MORNING", 8, 10), ("AFTERNOON", 16, 18)):
        k.append(kind); s.append(slot)
        a.append(datetime.datetime(d.year, d.month, d.day, h0, tzinfo=tz).isoformat())
        b.append(datetime.datetime(d.year, d.month, d.day, h1, tzinfo=tz).isoformat())
print(*("{" + ",".join(v) + "}" for v in (k, s, a, b)))
PYEOF
)
  VARS=(-v day="$DAY" -v communities="{$COMM}" -v patterns="{${CELL_PATH}%}" -v kinds="$KINDS" -v slots="$SLOTS"
        -v starts="$STARTS" -v ends="$ENDS")
  PATH_DUE="/api/v1/quarantine-visits/due?limit=50"
  log "due: $($PSQL -c "select count(*) from quarantine_order o join area_node c on c.id = o.grid_cell_id
    where c.code = 'BH-C001-G01' and o.status = 'ACTIVE'") active orders in BH-C001-G01; warm-up ($DUE_WARMUP GETs)"
  $PY due "$BASE" "$($PY token "$KC" worker1)" "$PATH_DUE" "$DUE_WARMUP" >/dev/null
  EXPLAIN=${RESULTS%.jsonl}-explain.txt
  for f in due-before due; do
    { echo "-- $f.sql"; $PSQL "${VARS[@]}" -v now="$(date -u +%FT%TZ)" \
        -f <(echo "explain (analyze, buffers)"; cat "$HERE/$f.sql"); echo; } >>"$EXPLAIN"
  done
  for r in $(seq 1 "$RUNS"); do
    api=$($PY due "$BASE" "$($PY token "$KC" worker1)" "$PATH_DUE" "$DUE_N")
    { echo '\timing on'; for i in $(seq 1 "$DUE_N"); do cat "$HERE/due.sql"; done; } >"$WORK/q.sql"
    $PSQL "${VARS[@]}" -v now="$(date -u +%FT%TZ)" -f "$WORK/q.sql" >"$WORK/q.out"
    sql=$($PY psql-times "$WORK/q.out")
    python3 -c "
import json,sys; a=json.loads(sys.argv[1]); q=json.loads(sys.argv[2])
print(json.dumps({'kind':'due','run':int(sys.argv[3]),'api':a,'sql':q,'api_p50_ms':a['p50_ms'],'api_p95_ms':a['p95_ms'],
 'sql_p50_ms':q['p50_ms'],'sql_p95_ms':q['p95_ms'],'ratio_p95':round(a['p95_ms']/q['p95_ms'],2),'load':open('/proc/loadavg').read().split()[:3]}))
" "$api" "$sql" "$r" | tee -a "$RESULTS"
  done
fi

if [[ " $PHASES " == *" lists "* ]]; then
  lists_reset() {  # no list orders, no lists (untimed)
    $PSQL -c "create temporary table gone as select order_id as id from quarantine_list_item where order_id is not null;
              update quarantine_list_item set order_id = null where order_id is not null;
              delete from quarantine_order_event where order_id in (select id from gone);
              delete from quarantine_order where id in (select id from gone);
              delete from quarantine_list_item; delete from quarantine_list;" \
      -c "vacuum analyze quarantine_order" -c "vacuum analyze quarantine_order_event" -c "checkpoint" >/dev/null
  }
  # people a bureau could list: living residents whose name is unique in their household, in a building's
  # household (小区 / 楼栋 / 门牌号 as the census import names them), LIST_SIZE of each of LISTS communities
  $PSQL -c "select r.community_id, r.name, cn.name, bn.name, h.door_number
    from resident r join household h on h.id = r.household_id
    join area_node cn on cn.id = h.compound_id join area_node bn on bn.id = h.building_id
    where r.status = 'LIVING' and r.community_id in (select id from area_node where kind = 'COMMUNITY' and code <> 'BH-C001'
                                                      order by code limit $((LISTS + 2)))
      and not exists (select 1 from resident r2 where r2.household_id = r.household_id and r2.name = r.name and r2.id <> r.id)
    order by r.community_id, r.id" >"$WORK/people.txt"
  $PY people "$WORK/people.txt" "$LISTS" "$LIST_SIZE" "$WORK/lists.json" >&2
  for r in $(seq 1 "$RUNS"); do
    lists_reset
    api=$($PY lists "$BASE" "$KC" agency-demo agency-demo-secret "$WORK/lists.json" "bench-$STAMP-$r")
    $PSQL -c "drop table if exists bench_list_orders" \
      -c "create table bench_list_orders as select order_id as id from quarantine_list_item where order_id is not null" \
      -c "\\copy (select * from quarantine_order where id in (select id from bench_list_orders)) to '$WORK/orders.copy'" >/dev/null
    lists_reset
    n=$(wc -l <"$WORK/orders.copy")
    t0=$(date +%s.%N); $PSQL -c "\\copy quarantine_order from '$WORK/orders.copy'" >/dev/null; t1=$(date +%s.%N)
    $PSQL -c "delete from quarantine_order where id in (select id from bench_list_orders)" -c "drop table bench_list_orders" >/dev/null
    python3 -c "
import json,sys; a=json.loads(sys.argv[1]); n=int(sys.argv[2]); s=float(sys.argv[4])-float(sys.argv[3]); c=n/s
print(json.dumps({'kind':'lists','run':int(sys.argv[5]),'api':a,'api_people_per_s':a['people_per_s'],'copy_rows':n,
 'copy_s':round(s,3),'copy_rows_per_s':round(c,1),'ratio':round(a['people_per_s']/c,3),'load':open('/proc/loadavg').read().split()[:3]}))
" "$api" "$n" "$t0" "$t1" "$r" | tee -a "$RESULTS"
  done
  lists_reset
fi
python3 - "$RESULTS" <<'PYEOF' | tee "${RESULTS%.jsonl}.md"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def line(kind, key, goal):
    v = [r[key] for r in rows if r["kind"] == kind]
    if v:
        print("| %s %s | %d | %s | %s–%s | %s |" % (kind, key, len(v), statistics.median(v), min(v), max(v), goal))
print("| measure | runs | median | spread | goal |\n| --- | --- | --- | --- | --- |")
line("due", "api_p50_ms", ""); line("due", "api_p95_ms", "< 50 ms"); line("due", "sql_p50_ms", ""); line("due", "sql_p95_ms", "")
line("due", "ratio_p95", ""); line("lists", "api_people_per_s", ""); line("lists", "copy_rows_per_s", "")
line("lists", "ratio", "≥ 0.2")
PYEOF
log "results: $RESULTS; load at the end: $(uptime)"
