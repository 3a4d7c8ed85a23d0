#!/usr/bin/env python3
"""Temperature benchmark helpers (standard library only), used by run.sh; each command prints one JSON line.

  token KC USER                                  an access token (password grant of gridguard-cli)
  p1 BASE TOKEN RESIDENTS CHECKPOINT ROWS IDS [CLIENTS]  ROWS readings as batches of 500 through the API
  summary RESULTS.jsonl OUT.md                   medians and spreads of every run, as a table
"""
import datetime, http.client, json, random, statistics, sys, time, urllib.parse, urllib.request, uuid


def token(kc, user):
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "gridguard-cli", "username": user,
                                   "password": "gridguard"}).encode()
    with urllib.request.urlopen(kc + "/realms/gridguard/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]


def reading(residents, checkpoint, measured_at):
    """One gate registration as a gate device sends it: a client UUID, a resident of the checkpoint's area,
    ~2 % fevers (37.3-38.8), the rest 36.0-36.9."""
    fever = random.random() < 0.02
    t = round(37.3 + random.randint(0, 15) / 10, 1) if fever else round(36.0 + random.randint(0, 9) / 10, 1)
    return {"id": str(uuid.uuid4()), "source": "GATE", "checkpointId": checkpoint,
            "direction": random.choice(("IN", "OUT")), "measuredAt": measured_at, "temperature": t,
            "healthCode": "GREEN", "residentId": random.choice(residents)}


def p1(base, tok, residents_file, checkpoint, rows, ids_file, clients=1, size=500):
    """ROWS readings as batches of SIZE, sent by CLIENTS concurrent clients (gate devices and offline queues
    send at the same time; with one client the API, the client and the database only ever work in turn)."""
    import threading
    residents = [l.strip() for l in open(residents_file) if l.strip()]
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    batches = []
    for b in range(rows // size):
        at = (now - datetime.timedelta(seconds=60 - b % 60)).isoformat().replace("+00:00", "Z")
        batches.append([reading(residents, checkpoint, at) for _ in range(size)])
    with open(ids_file, "w") as f:
        for items in batches:
            f.writelines(i["id"] + "\n" for i in items)
    bodies = [json.dumps({"items": items}).encode() for items in batches]
    u = urllib.parse.urlsplit(base)
    h = {"Authorization": "Bearer " + tok, "Content-Type": "application/json", "Accept": "application/json"}
    counts, lat, failed = {}, [], []
    lock = threading.Lock()

    def send(mine):
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
        for body in mine:
            s = time.perf_counter()
            conn.request("POST", "/api/v1/temperature-checks/batch", body, h)
            r = conn.getresponse()
            data = r.read()
            took = time.perf_counter() - s
            if r.status != 200:
                failed.append("%s %s" % (r.status, data[:500]))
                return
            items = json.loads(data)["items"]
            with lock:
                lat.append(took)
                for it in items:
                    counts[it["status"]] = counts.get(it["status"], 0) + 1

    threads = [threading.Thread(target=send, args=(bodies[c::clients],)) for c in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if failed:
        raise SystemExit("batch failed: " + failed[0])
    n = len(bodies) * size
    return {"rows": n, "batches": len(bodies), "clients": clients, "wall_s": round(wall, 3), "rows_per_s": round(n / wall, 1),
            "batch_p50_ms": round(statistics.median(lat) * 1000, 1), "batch_max_ms": round(max(lat) * 1000, 1),
            "statuses": counts}

def spread(values):
    v = sorted(values)
    return statistics.median(v), v[0], v[-1]


def fmt(x, nd=2):
    return ("{:,.%df}" % nd).format(x)


def summary(path, out):
    runs = [json.loads(l) for l in open(path) if l.strip()]
    by = {}
    for r in runs:
        by.setdefault(r["kind"], []).append(r)
    rows = []

    def add(name, values, goal, nd=2, unit=""):
        if not values:
            return
        m, lo, hi = spread(values)
        rows.append("| %s | %s | %s%s | %s–%s | %s |" % (name, " / ".join(fmt(v, nd) for v in values), fmt(m, nd), unit,
                                                         fmt(lo, nd), fmt(hi, nd), goal))
    p1 = by.get("p1", [])
    add("P1 API batch ingestion, rows/s", [r["api_rows_per_s"] for r in p1], "", 0)
    add("P1 `COPY` of the same rows, rows/s", [r["copy_rows_per_s"] for r in p1], "", 0)
    if p1:
        rows.append("| P1 concurrent API clients | %s | | | |" % " / ".join(str(r["api"].get("clients", 1)) for r in p1))
    add("**P1 ratio API ÷ COPY**", [r["ratio"] for r in p1], "≥ 0.30")
    add("P1 CPU-cost ratio (COPY CPU/row ÷ API+PG CPU/row)", [r["cpu_ratio"] for r in p1 if r.get("cpu_ratio")], "(load-robust view)")
    p2 = by.get("p2", [])
    add("P2 bare JDBC insert (no auth), req/s", [r["raw_rps"] for r in p2], "", 0)
    add("P2 real endpoint with tokens, req/s", [r["token_rps"] for r in p2], "", 0)
    add("P4 real endpoint, auth off (bench), req/s", [r["off_rps"] for r in p2], "", 0)
    add("**P2 ratio tokens ÷ bare insert**", [r["token_rps"] / r["raw_rps"] for r in p2], "≥ 0.5")
    add("**P4 ratio tokens ÷ auth off**", [r["token_rps"] / r["off_rps"] for r in p2], "≥ 0.85")
    add("P2 p99 at max throughput (wrk, tokens), ms", [r["token_p99_ms"] for r in p2], "", 1)
    cpu = [r for r in p2 if r.get("cpu_ms")]
    add("CPU ms per request (API JVM + PG): bare insert", [r["cpu_ms"]["raw"] for r in cpu], "", 3)
    add("CPU ms per request: real endpoint, tokens", [r["cpu_ms"]["token"] for r in cpu], "", 3)
    add("CPU ms per request: real endpoint, auth off", [r["cpu_ms"]["off"] for r in cpu], "", 3)
    add("P2 CPU-cost ratio (bare ÷ tokens)", [r["cpu_ms"]["raw"] / r["cpu_ms"]["token"] for r in cpu], "(load-robust view)")
    add("P4 CPU-cost ratio (auth off ÷ tokens)", [r["cpu_ms"]["off"] / r["cpu_ms"]["token"] for r in cpu], "(load-robust view)")
    lat = by.get("p2rate", [])
    if lat:
        rows.append("| P2 fixed rate (70 %% of the median max), req/s offered / done | %s | | | |" % " / ".join(
            "%d/%d" % (r["rate"], r["rps"]) for r in lat))
    add("**P2 p99 at 70 % of max, ms** (autocannon, open loop)", [r["p99_ms"] for r in lat], "< 50", 1)
    add("P2 p50 at 70 % of max, ms (autocannon)", [r["p50_ms"] for r in lat], "", 1)
    paced = by.get("p2paced", [])
    if paced:
        rows.append("| P2 paced wrk (70 %% target), req/s target / reached | %s | | | |" % " / ".join(
            "%d/%d" % (r["target"], r["rps"]) for r in paced))
    add("**P2 p99 at 70 % of max, ms** (paced wrk, cheap client)", [r["p99_ms"] for r in paced], "< 50", 1)
    add("P2 p50 at 70 % of max, ms (paced wrk)", [r["p50_ms"] for r in paced], "", 1)
    errors = sum(r.get("errors", 0) for k in by.values() for r in k)
    text = "\n".join(["| measure | runs | median | spread (min–max) | goal |", "| --- | --- | --- | --- | --- |"] + rows)
    text += "\n\nnon-2xx responses or socket errors over all runs: %d\n" % errors
    open(out, "w").write(text)
    print(text)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "token":
        print(token(sys.argv[2], sys.argv[3]))
    elif cmd == "p1":
        print(json.dumps(p1(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]), sys.argv[7],
                            int(sys.argv[8]) if len(sys.argv) > 8 else 1)))
    elif cmd == "summary":
        summary(sys.argv[2], sys.argv[3])
