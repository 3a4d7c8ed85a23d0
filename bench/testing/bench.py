#!/usr/bin/env python3
"""Nucleic-acid round benchmark helpers (standard library only), used by run.sh; each command prints one JSON line.

  token KC USER                               an access token (password grant of gridguard-cli)
  client-token KC CLIENT SECRET               an access token (client credentials, e.g. lab-demo)
  round BASE TOKEN SCOPE_ID                   a round over SCOPE_ID, pool size 10, lab-demo, moved to SAMPLING: its id
  lab BASE TOKEN ROUND BARCODES ROWS POS      ROWS tube results (batches of 1,000, one client, sequential), a share POS
                                              of them POSITIVE, for the first ROWS barcodes of the file
  latency BASE TOKEN PATH N                   N sequential GETs (keep-alive): p50/p95/max and the response's totals
  psql-times FILE                             p50/p95/max of the "Time: … ms" lines psql \\timing printed
  age BASE KC USER PATH OUT                   every second until killed: GET PATH (a round's coverage) and append
                                              {t, age_s, lag, stale, sampled, expected, ms} to OUT (token renewed)
  age-summary OUT SINCE [PHASE]               p50/p95/max of the figures' age in OUT from SINCE (epoch s) on
  summary RESULTS.jsonl OUT.md                medians and spreads of every run, as a table
"""
import datetime, http.client, json, os, random, re, statistics, sys, threading, time, urllib.parse, urllib.request, uuid


def post_form(url, fields):
    with urllib.request.urlopen(url, urllib.parse.urlencode(fields).encode()) as r:
        return json.load(r)["access_token"]


def token(kc, user):
    return post_form(kc + "/realms/gridguard/protocol/openid-connect/token", {
        "grant_type": "password", "client_id": "gridguard-cli", "username": user, "password": "gridguard"})


def client_token(kc, client, secret):
    return post_form(kc + "/realms/gridguard/protocol/openid-connect/token", {
        "grant_type": "client_credentials", "client_id": client, "client_secret": secret})


def call(base, tok, method, path, body=None, headers=None):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    h = {"Authorization": "Bearer " + tok, "Content-Type": "application/json", "Accept": "application/json"}
    h.update(headers or {})
    conn.request(method, path, None if body is None else json.dumps(body).encode(), h)
    r = conn.getresponse()
    data = r.read()
    if r.status >= 300:
        raise SystemExit("%s %s: %s %s" % (method, path, r.status, data[:500]))
    return json.loads(data) if data else None


def new_round(base, tok, scope):
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    r = call(base, tok, "POST", "/api/v1/test-rounds", {
        "name": "bench city round", "scope": [scope], "roundDate": now.date().isoformat(),
        "samplingFrom": (now - datetime.timedelta(hours=6)).isoformat().replace("+00:00", "Z"),
        "samplingTo": "2032-04-05T12:00:00Z", "modes": ["CENTRAL"], "poolSize": 10, "labs": ["lab-demo"]})
    call(base, tok, "POST", "/api/v1/test-rounds/%s/transitions" % r["id"], {"to": "SAMPLING", "version": r["version"]})
    return r["id"]


def lab(base, tok, rid, barcodes_file, rows, pos, size=1000):
    codes = [l.strip() for l in open(barcodes_file) if l.strip()][:rows]
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    at = (now - datetime.timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
    bodies = []
    for b in range(0, len(codes), size):
        bodies.append(json.dumps({"items": [
            {"barcode": c, "result": "POSITIVE" if random.random() < pos else "NEGATIVE", "testedAt": at,
             "labRef": "L-" + c} for c in codes[b:b + size]]}).encode())
    u = urllib.parse.urlsplit(base)
    h = {"Authorization": "Bearer " + tok, "Content-Type": "application/json", "Accept": "application/json"}
    counts, lat, failed = {}, [], []
    lock = threading.Lock()

    def sender(mine):  # one keep-alive connection each, like a lab's integration posting batches in parallel
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
        for body in mine:
            s = time.perf_counter()
            conn.request("POST", "/api/v1/test-rounds/%s/tube-results/batch" % rid, body, h)
            r = conn.getresponse()
            data = r.read()
            with lock:
                lat.append(time.perf_counter() - s)
                if r.status != 200:
                    failed.append("batch failed: %s %s" % (r.status, data[:500]))
                    return
                for it in json.loads(data)["items"]:
                    counts[it["status"]] = counts.get(it["status"], 0) + 1
    clients = int(os.environ.get("LAB_CLIENTS", "2"))
    threads = [threading.Thread(target=sender, args=(bodies[k::clients],)) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failed:
        raise SystemExit(failed[0])
    wall = time.perf_counter() - t0
    return {"rows": len(codes), "batches": len(bodies), "wall_s": round(wall, 3), "rows_per_s": round(len(codes) / wall, 1),
            "batch_p50_ms": round(statistics.median(lat) * 1000, 1), "batch_max_ms": round(max(lat) * 1000, 1),
            "statuses": counts}


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, max(0, int(round(p / 100 * len(v) + 0.5)) - 1))]


def stats_ms(values):
    return {"n": len(values), "p50_ms": round(statistics.median(values), 2), "p95_ms": round(pct(values, 95), 2),
            "max_ms": round(max(values), 2), "mean_ms": round(statistics.mean(values), 2)}


def latency(base, tok, path, n):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    h = {"Authorization": "Bearer " + tok, "Accept": "application/json"}
    lat, body = [], None
    for _ in range(n):
        s = time.perf_counter()
        conn.request("GET", path, None, h)
        r = conn.getresponse()
        data = r.read()
        lat.append((time.perf_counter() - s) * 1000)
        if r.status != 200:
            raise SystemExit("GET %s: %s %s" % (path, r.status, data[:500]))
        body = data
    o = stats_ms(lat)
    c = json.loads(body)
    o.update(rows=len(c["rows"]), total=c["total"], as_of=c.get("asOf"))
    return o


def age(base, kc, user, path, out):
    """The figures' age as the API answers it, every second: now − asOf (client clock = server clock here)."""
    u = urllib.parse.urlsplit(base)
    tok, renewed = token(kc, user), time.time()
    with open(out, "a") as f:
        while True:
            start = time.time()
            if start - renewed > 60:
                tok, renewed = token(kc, user), start
            try:
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
                conn.request("GET", path, None, {"Authorization": "Bearer " + tok, "Accept": "application/json"})
                r = conn.getresponse()
                data = r.read()
                end = time.time()
                if r.status == 200:
                    c = json.loads(data)
                    as_of = datetime.datetime.fromisoformat(c["asOf"].replace("Z", "+00:00")).timestamp()
                    rec = {"t": round(start, 3), "age_s": round(max(0.0, end - as_of), 3), "lag": c["lagSeconds"],
                           "stale": c["stale"], "sampled": c["total"]["sampled"], "expected": c["total"]["expected"],
                           "ms": round((end - start) * 1000, 1)}
                else:
                    rec = {"t": round(start, 3), "status": r.status, "error": data[:200].decode(errors="replace")}
            except (OSError, http.client.HTTPException) as e:
                rec = {"t": round(start, 3), "error": str(e)}
            f.write(json.dumps(rec) + "\n")
            f.flush()
            time.sleep(max(0.0, 1.0 - (time.time() - start)))


def age_summary(path, since, phase):
    recs = [json.loads(l) for l in open(path) if l.strip()]
    recs = [r for r in recs if r["t"] >= since]
    ok = [r for r in recs if "age_s" in r]
    v = sorted(r["age_s"] for r in ok)
    o = {"kind": "age", "phase": phase, "n": len(v), "errors": len(recs) - len(ok)}
    if v:
        o.update(p50_s=round(statistics.median(v), 2), p95_s=round(pct(v, 95), 2), max_s=round(v[-1], 2),
                 stale_share=round(sum(1 for r in ok if r["stale"]) / len(ok), 3),
                 read_p50_ms=round(statistics.median(r["ms"] for r in ok), 1), read_max_ms=max(r["ms"] for r in ok))
    return o


def psql_times(path):
    v = [float(m.group(1).replace(",", "")) for m in re.finditer(r"^Time: ([\d.,]+) ms", open(path).read(), re.M)]
    return stats_ms(v)


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
    lab = by.get("lab", [])
    add("Lab API batch ingestion (1,000 tubes a batch), rows/s", [r["api_rows_per_s"] for r in lab], "", 0)
    add("`COPY` of the same result rows, rows/s", [r["copy_rows_per_s"] for r in lab], "", 0)
    add("**Lab ratio API ÷ COPY**", [r["ratio"] for r in lab], "≥ 0.30")
    add("Lab batch p50, ms", [r["api"]["batch_p50_ms"] for r in lab], "", 0)
    add("Lab CPU-cost ratio (COPY CPU/row ÷ API+PG CPU/row)", [r["cpu_ratio"] for r in lab if r.get("cpu_ratio")], "(load-robust view)")
    for scope, goal in (("city", "< 300"), ("cell", "< 50")):
        cov = [r for r in by.get("coverage", []) if r["scope"] == scope]
        add("Coverage %s: API p50, ms" % scope, [r["api"]["p50_ms"] for r in cov], "", 1)
        add("**Coverage %s: API p95, ms**" % scope, [r["api"]["p95_ms"] for r in cov], goal, 1)
        add("Coverage %s: psql GROUP BY p50, ms" % scope, [r["sql"]["p50_ms"] for r in cov], "", 1)
        add("Coverage %s: psql GROUP BY p95, ms" % scope, [r["sql"]["p95_ms"] for r in cov], "", 1)
        add("**Coverage %s ratio API ÷ GROUP BY (p50)**" % scope, [r["ratio_p50"] for r in cov], "≤ 1.5")
        add("Coverage %s ratio API ÷ GROUP BY (p95)" % scope, [r["ratio_p95"] for r in cov], "")
    smp = by.get("sampling", [])
    add("Sampling: bare JDBC insert (no auth), req/s", [r["raw_rps"] for r in smp], "", 0)
    add("Sampling: real endpoint with tokens, req/s", [r["token_rps"] for r in smp], "", 0)
    add("**Sampling ratio tokens ÷ bare insert**", [r["ratio"] for r in smp], "≥ 0.5")
    add("Sampling p99 at max (wrk, tokens), ms", [r["token"]["p99_ms"] for r in smp], "", 1)
    add("CPU ms per request (API JVM + PG): bare insert", [r["cpu_ms"]["raw"] for r in smp], "", 3)
    add("CPU ms per request: real endpoint", [r["cpu_ms"]["token"] for r in smp], "", 3)
    add("Sampling CPU-cost ratio (bare ÷ real)", [r["cpu_ms"]["raw"] / r["cpu_ms"]["token"] for r in smp], "(load-robust view)")
    for r in by.get("soak", []):
        rows.append("| **Soak** %d s at %d req/s (70 %% of %s): done req/s; first / last minute | %s | %.1f → %.1f | ratio %.3f | no error, last ≥ 0.9 × first |"
                    % (r["seconds"], r["rate"], r["max"], "%d ok, %d errors" % (r["ok2xx"], r["errors_total"]),
                       r["first_min_rps"], r["last_min_rps"], r["last_over_first"]))
    for r in by.get("lab-drain", []):
        rows.append("| Lab results still to be counted after the last batch: seconds until the rollup caught up | | %d s | | |" % r["seconds"])
    for r in by.get("first", []):
        rows.append("| **First run** on a fresh database: %s samples arriving in %d s; every cell counted after %s s; all counted %s s after the last | | | | |"
                    % (fmt(r["samples"], 0), r["arrival_s"], r["initial_count_s"], r["drain_s"]))
        rows.append("| First run: sessions waiting on the coverage lock (max) · longest wait · longest refresh statement, s | | %d · %s · %s | | 0 · ≤ 1 period |"
                    % (r["advisory_waiters_max"], r["advisory_wait_max_s"], r["refresh_stmt_max_s"]))
        rows.append("| First run: API totals equal the GROUP BY's after the drain | | %s | | yes |" % r["totals_match"])
    for r in by.get("age", []):
        rows.append("| **Coverage figures' age as the API answers it, %s** (every second, %d reads): p50 / p95 / max, s | | %s / %s / %s | stale in %s of reads | max < 30 s (first run) |"
                    % (r["phase"], r["n"], r.get("p50_s"), r.get("p95_s"), r.get("max_s"), r.get("stale_share")))
    for r in by.get("freshness", []):
        rows.append("| Coverage figures' age during %s (now − as_of, every second, %d samples): p50 / p95 / max, s | | %s / %s / %s | | ≤ 5 |"
                    % (r["phase"], r["n"], r["p50_s"], r["p95_s"], r["max_s"]))
    errors = sum(r.get("errors", 0) for k in by.values() for r in k)
    text = "\n".join(["| measure | runs | median | spread (min–max) | goal |", "| --- | --- | --- | --- | --- |"] + rows)
    text += "\n\nnon-2xx responses or socket errors over all runs: %d\n" % errors
    open(out, "w").write(text)
    print(text)


if __name__ == "__main__":
    cmd, a = sys.argv[1], sys.argv[2:]
    if cmd == "token":
        print(token(a[0], a[1]))
    elif cmd == "client-token":
        print(client_token(a[0], a[1], a[2]))
    elif cmd == "round":
        print(new_round(a[0], a[1], a[2]))
    elif cmd == "lab":
        print(json.dumps(lab(a[0], a[1], a[2], a[3], int(a[4]), float(a[5]))))
    elif cmd == "latency":
        print(json.dumps(latency(a[0], a[1], a[2], int(a[3]))))
    elif cmd == "age":
        age(a[0], a[1], a[2], a[3], a[4])
    elif cmd == "age-summary":
        print(json.dumps(age_summary(a[0], float(a[1]), a[2] if len(a) > 2 else "")))
    elif cmd == "psql-times":
        print(json.dumps(psql_times(a[0])))
    elif cmd == "summary":
        summary(a[0], a[1])
