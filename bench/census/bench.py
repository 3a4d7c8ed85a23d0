#!/usr/bin/env python3
"""Census benchmark helpers: make the 100k-row file, import it through the API with progress, exact-ID
lookup latency. Standard library only. Used by run.sh; prints one JSON line per measurement."""
import datetime, http.client, json, sys, time, urllib.parse, urllib.request, uuid

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def check(first17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, W)) % 11]


def fake_id(run, i):
    # region 520102 (not used by the demo); run and row number make it unique
    n = run * 200_000 + i
    birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=n % 25_000)
    first17 = "520102" + birth.strftime("%Y%m%d") + "%03d" % ((n // 25_000) % 1000)
    return first17 + check(first17)


def token(kc, user):
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "gridguard-cli", "username": user,
                                   "password": "gridguard"}).encode()
    with urllib.request.urlopen(kc + "/realms/gridguard/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]


def api(base, tok, method, path, body=None, headers=None):
    h = {"Authorization": "Bearer " + tok, "Accept": "application/json"}
    if body is not None and not isinstance(body, bytes):
        body = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    h.update(headers or {})
    req = urllib.request.Request(base + path, data=body, method=method, headers=h)
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def make_csv(path, compounds, run, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("小区,楼栋,门牌号,姓名,身份证号,联系电话,人员类别\r\n")
        for i in range(rows):
            h = i // 3  # three people to a door, about what the field reports show (2.5)
            c = compounds[h % len(compounds)]
            f.write("%s,%d栋,R%d-%d,居民%d,%s,1%d%09d,%s\r\n" % (
                c, 1 + (h // len(compounds)) % 3, run, h, i, fake_id(run, i), 3 + i % 7, (run * 7 + i) % 1_000_000_000,
                "租户" if i % 5 == 0 else ""))


def do_import(base, tok, path, area):
    boundary = uuid.uuid4().hex
    with open(path, "rb") as f:
        content = f.read()
    body = (("--%s\r\nContent-Disposition: form-data; name=\"areaId\"\r\n\r\n%s\r\n" % (boundary, area)).encode()
            + ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"census.csv\"\r\n"
               "Content-Type: text/csv\r\n\r\n" % boundary).encode() + content + ("\r\n--%s--\r\n" % boundary).encode())
    t0 = time.time()
    acc = api(base, tok, "POST", "/api/v1/imports", body, {"Content-Type": "multipart/form-data; boundary=" + boundary})
    progress = []
    while True:
        job = api(base, tok, "GET", "/api/v1/jobs/" + acc["jobId"])
        if not progress or progress[-1] != job["progress"]:
            progress.append(job["progress"])
        if job["status"] in ("SUCCEEDED", "FAILED"):
            break
        time.sleep(0.1)
    wall = time.time() - t0
    return {"wall_s": round(wall, 2), "status": job["status"], "progress": progress, "report": {
        k: job["report"].get(k) for k in ("rows", "created", "updated", "invalid", "readMs", "checkMs", "writeMs", "writeDetailMs")},
        "error": job.get("error")}


def lookups(host, port, tok, ids, n):
    conn = http.client.HTTPConnection(host, port)
    lat = []
    for i in range(n):
        body = json.dumps({"idNumber": ids[i % len(ids)]})
        t0 = time.perf_counter()
        conn.request("POST", "/api/v1/residents/search", body, {"Authorization": "Bearer " + tok,
                                                                 "Content-Type": "application/json"})
        r = conn.getresponse()
        data = r.read()
        lat.append((time.perf_counter() - t0) * 1000)
        if r.status != 200 or not json.loads(data)["items"]:
            raise SystemExit("lookup failed: %s" % r.status)
    lat.sort()
    q = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))], 2)
    return {"n": n, "p50_ms": q(0.5), "p95_ms": q(0.95), "p99_ms": q(0.99), "max_ms": round(lat[-1], 2)}


def summary(path, last):
    """One line over the runs of this session: import wall (median, min–max), COPY, ratio, lookup p95."""
    import statistics
    with open(path) as f:
        lines = [json.loads(x) for x in f.read().splitlines()[-last:] if x.strip()]
    runs = [x for x in lines if "api" in x]
    walls = [x["api"]["wall_s"] for x in runs]
    copies = [x["copy_s"] for x in runs]
    ratios = [round(c / w, 2) for c, w in zip(copies, walls)]
    p95 = [x["lookup"]["p95_ms"] for x in lines if "lookup" in x]
    ok = all(x["api"]["status"] == "SUCCEEDED" for x in runs)
    progress = min((len(x["api"]["progress"]) for x in runs), default=0)
    med = statistics.median
    return ("import median %.2fs (%.2f-%.2f) over %d runs%s | write phase median %.2fs | COPY median %.2fs | "
            "ratio to COPY median %.2f (%s) | progress values >= %d | lookup p95 median %s ms (%s)" % (
                med(walls), min(walls), max(walls), len(walls), "" if ok else " SOME FAILED",
                med([x["api"]["report"].get("writeMs") or 0 for x in runs]) / 1000, med(copies), med(ratios),
                " ".join("%.2f" % r for r in ratios), progress, med(p95) if p95 else "-",
                " ".join(str(p) for p in p95)))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "csv":
        make_csv(sys.argv[2], sys.argv[3].split("|"), int(sys.argv[4]), int(sys.argv[5]))
    elif cmd == "token":
        print(token(sys.argv[2], sys.argv[3]))
    elif cmd == "import":
        print(json.dumps(do_import(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]), ensure_ascii=False))
    elif cmd == "summary":
        print(summary(sys.argv[2], int(sys.argv[3])))
    elif cmd == "lookup":
        host, port = sys.argv[2].split(":")
        runs = [int(r) for r in sys.argv[5].split(",")]
        ids = [fake_id(r, i) for r in runs for i in range(0, 100_000, 97)]
        print(json.dumps(lookups(host, int(port), sys.argv[3], ids, int(sys.argv[4]))))
