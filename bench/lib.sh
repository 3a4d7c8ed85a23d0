# Shared pieces of the benchmarks in bench/*/run.sh (sourced, not run). The caller sets ROOT, WORK, PG_PORT,
# KC_PORT, API_PORT, DB, COMMUNITIES before calling these; each piece runs on those private ports only.
#
#   bench_setup            results file ($RESULTS), log(), the cleanup trap (KEEP=1 leaves everything running)
#   bench_tools            wrk (apt) for maximum throughput, autocannon 8 (npm, into $WORK/tools) for fixed rates
#   bench_build CLASS      product jar + bench build (SKIP_BUILD=1: neither), the product-jar scan (no
#                          org/gridguard/bench/ entry), CLASS must be in the bench build; runs a copy ($JAR)
#   bench_pg               PostgreSQL 15 in $WORK/pg (kept: the city demo loads once; PG_OPTS: extra -c options);
#                          $PSQL on database $DB
#   bench_keycloak         Keycloak 26.5.6 (Maven Central dist) with the project realm
#   bench_api [ENV=V ...]  the bench build on $API_PORT with the city demo ($COMMUNITIES); sets API_PID
#   cpu_now / cpu_delta    CPU seconds of the API JVM (JIT apart) and the whole PostgreSQL cluster
#   field JSON KEY         one field of a JSON object
PGBIN=/usr/lib/postgresql/15/bin
REALM=$ROOT/infra/keycloak/gridguard-realm.json

bench_setup() {
  mkdir -p "$WORK/results"; chmod 777 "$WORK"
  STAMP=$(date -u +%Y%m%dT%H%M%SZ); RESULTS=$WORK/results/$STAMP.jsonl; : >"$RESULTS"
  PIDS=(); PG_STARTED=0
  trap bench_cleanup EXIT
}
log() { echo "[bench $(date +%T)] $*" >&2; }
bench_cleanup() { [[ ${KEEP:-0} == 1 ]] && return; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done;
  [[ $PG_STARTED == 1 ]] && runuser -u postgres -- $PGBIN/pg_ctl -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true; }

bench_tools() {
  command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
  [[ -d $WORK/tools/node_modules/autocannon ]] || npm install --silent --prefix "$WORK/tools" autocannon@8 >/dev/null
}

bench_build() {  # bench_build org/gridguard/bench/SomeClass
  if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "building the product jar and the bench build"
    (cd "$ROOT" && ./mvnw -B -ntp -pl backend -DskipTests package >"$WORK/build.log" 2>&1) || { tail -40 "$WORK/build.log"; exit 1; }
    (cd "$ROOT" && ./mvnw -B -ntp -pl backend -DskipTests -Pbench package >"$WORK/build-bench.log" 2>&1) || { tail -40 "$WORK/build-bench.log"; exit 1; }
  fi
  local product=$ROOT/backend/target/quarkus-app
  [[ -f $product/quarkus-run.jar && -f $ROOT/backend/target-bench/quarkus-app/quarkus-run.jar ]] || { echo "no build (run without SKIP_BUILD=1)"; exit 1; }
  if jar_entries "$product" | grep '^org/gridguard/bench/' >/dev/null; then
    echo "FAIL: the product build contains bench classes"; exit 1; fi
  jar_entries "$ROOT/backend/target-bench/quarkus-app" | grep "^$1" >/dev/null \
    || { echo "FAIL: the bench build lacks the bench classes"; exit 1; }
  log "product jar: no bench classes; bench jar: has them"
  # run a copy, so that a rebuild during the run cannot change the jars under the running JVM
  rm -rf "$WORK/app" && cp -r "${BENCH_APP:-$ROOT/backend/target-bench/quarkus-app}" "$WORK/app" && JAR=$WORK/app/quarkus-run.jar
}
jar_entries() { find "$1" -name '*.jar' | while read -r j; do unzip -Z1 "$j"; done; }

bench_pg() {
  if [[ ! -f $WORK/pg/PG_VERSION ]]; then
    mkdir -p "$WORK/pg"; chown postgres "$WORK/pg"
    runuser -u postgres -- $PGBIN/initdb -D "$WORK/pg" -A trust -U postgres >/dev/null
  fi
  # (a cluster or a Keycloak left running by KEEP=1 is reused, and left running)
  if ! runuser -u postgres -- $PGBIN/pg_ctl -D "$WORK/pg" status >/dev/null 2>&1; then
    runuser -u postgres -- $PGBIN/pg_ctl -D "$WORK/pg" -l "$WORK/pg.log" -w start \
      -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_wal_size=4GB -c max_connections=200 -c autovacuum=off -c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=5s ${PG_OPTS:-}" >/dev/null
    PG_STARTED=1
  fi
  PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -X -q -t -A"
  $PSQL -c "select 1 from pg_database where datname='$DB'" | grep -q 1 || $PSQL -c "create database $DB"
  PSQL="$PSQL -d $DB"
}

bench_keycloak() {
  local zip
  zip=$(ls ~/.m2/repository/org/keycloak/keycloak-quarkus-dist/26.5.6/keycloak-quarkus-dist-26.5.6.zip 2>/dev/null || true)
  if [[ -z $zip ]]; then
    (cd "$ROOT" && ./mvnw -B -ntp dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:26.5.6:zip -DoutputDirectory="$WORK") >/dev/null
    zip=$WORK/keycloak-quarkus-dist-26.5.6.zip
  fi
  [[ -d $WORK/kc ]] || { rm -rf "$WORK/kc.tmp" && mkdir "$WORK/kc.tmp" && unzip -q "$zip" -d "$WORK/kc.tmp" && mv "$WORK/kc.tmp/keycloak-26.5.6" "$WORK/kc"; }
  mkdir -p "$WORK/kc/data/import"; cp "$REALM" "$WORK/kc/data/import/gridguard-realm.json"
  if ! curl -sf -o /dev/null http://localhost:$KC_PORT/realms/gridguard/.well-known/openid-configuration; then
    KC_BOOTSTRAP_ADMIN_USERNAME=benchadmin KC_BOOTSTRAP_ADMIN_PASSWORD=$(head -c 12 /dev/urandom | base64) \
      "$WORK/kc/bin/kc.sh" start-dev --http-port=$KC_PORT --http-management-port=$((KC_PORT+1)) --hostname=http://localhost:$KC_PORT \
      --import-realm >"$WORK/kc.log" 2>&1 &
    PIDS+=($!)
  fi
}

bench_api() {  # bench_api [EXTRA_ENV=VALUE ...]
  [[ -f $WORK/pii.env ]] || {
    echo "GRIDGUARD_PII_KEYS=b1:$(head -c 32 /dev/urandom | base64 -w0)" >"$WORK/pii.env"
    echo "GRIDGUARD_PII_ACTIVE_KEY=b1" >>"$WORK/pii.env"
    echo "GRIDGUARD_PII_HMAC_KEY=$(head -c 32 /dev/urandom | base64 -w0)" >>"$WORK/pii.env"; }
  for i in $(seq 1 180); do curl -sf -o /dev/null http://localhost:$KC_PORT/realms/gridguard/.well-known/openid-configuration && break; sleep 1; done
  log "keycloak ready; starting the API (demo: $COMMUNITIES communities; the first start loads them)"
  env $(cat "$WORK/pii.env") "$@" QUARKUS_HTTP_PORT=$API_PORT QUARKUS_HTTP_SSL_PORT=$((API_PORT+1)) QUARKUS_MANAGEMENT_PORT=$((API_PORT+1020)) \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=unused QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:$KC_PORT/realms/gridguard \
    GRIDGUARD_DEMO_LOAD=true GRIDGUARD_DEMO_COMMUNITIES=$COMMUNITIES GRIDGUARD_WEB_DIR=$WORK/noweb \
    QUARKUS_LOG_CATEGORY__ORG_GRIDGUARD_TESTING__LEVEL=DEBUG \
    java ${API_JAVA_OPTS:--Xmx2g} -XX:-UseDynamicNumberOfCompilerThreads -jar "$JAR" >"$WORK/api.log" 2>&1 &
  PIDS+=($!); API_PID=$!
  for i in $(seq 1 900); do curl -sf -o /dev/null http://localhost:$API_PORT/q/health/ready && break; sleep 1; done
  curl -sf -o /dev/null http://localhost:$API_PORT/q/health/ready || { tail -30 "$WORK/api.log"; exit 1; }
  log "residents: $($PSQL -c 'select count(*) from resident')"
}

# CPU seconds used so far by the API's JVM (without its JIT compiler threads, counted apart: on a starved machine
# the JIT is still compiling minutes after start, a one-off cost) and by the whole PostgreSQL cluster (postmaster,
# live backends and the reaped ones): the machine is shared, so besides wall-clock rates we report CPU cost per
# row/request, which the other tenants' load disturbs much less. Clients (wrk, autocannon, python, psql) are not counted.
cpu_now() { python3 - "$API_PID" "$(head -1 "$WORK/pg/postmaster.pid")" <<'PYEOF'
import os, sys
tck = os.sysconf("SC_CLK_TCK")
def stat(path):
    with open(path) as f:
        t = f.read()
    return t[t.index("(") + 1:t.rindex(")")], t.rsplit(")", 1)[1].split()
def cpu(v, children=False):
    return (int(v[11]) + int(v[12]) + (int(v[13]) + int(v[14]) if children else 0)) / tck
api, pm = sys.argv[1], sys.argv[2]
# the process total keeps the CPU of threads that have ended (idle pool threads do); the JIT's compiler threads
# live as long as the JVM (-XX:-UseDynamicNumberOfCompilerThreads), so work = total - compiler threads
jit = 0.0
for t in os.listdir("/proc/%s/task" % api):
    try:
        name, v = stat("/proc/%s/task/%s/stat" % (api, t))
    except OSError:
        continue
    if "CompilerThre" in name:
        jit += cpu(v)
work = cpu(stat("/proc/%s/stat" % api)[1]) - jit
pg = cpu(stat("/proc/%s/stat" % pm)[1], True)
for p in os.listdir("/proc"):
    if p.isdigit():
        try:
            v = stat("/proc/%s/stat" % p)[1]
        except OSError:
            continue
        if v[1] == pm:
            pg += cpu(v)
print("%.2f %.2f %.2f" % (work, pg, jit))
PYEOF
}
cpu_delta() {  # cpu_delta "BEFORE" "AFTER" -> {"api_cpu_s": .., "pg_cpu_s": .., "jit_cpu_s": ..}
  python3 -c "import sys; a=sys.argv[1].split(); b=sys.argv[2].split(); d=[float(y)-float(x) for x,y in zip(a,b)]; print('{\"api_cpu_s\": %.2f, \"pg_cpu_s\": %.2f, \"jit_cpu_s\": %.2f}' % tuple(d))" "$1" "$2"
}
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
