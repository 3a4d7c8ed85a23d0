#!/usr/bin/env python3
"""Quarantine benchmark helpers (standard library only), used by run.sh; each command prints one JSON line. The token,
statistics and psql-timing helpers are bench/testing/bench.py's.

  people PSQL_OUT LISTS SIZE OUT          LISTS lists of SIZE people (JSON items: name, 小区, 楼栋, 门牌号, kind, reason) from
                                          the tab-separated rows psql printed (community, name, compound, building, door)
  lists BASE KC CLIENT SECRET FILE TAG    post the lists of FILE (POST /api/v1/quarantine-lists, JSON, Idempotency-Key)
                                          from LIST_CLIENTS (2) clients in parallel, then wait for every list's job:
                                          people/s from the first POST to the last job done, and the outcomes
  due BASE TOKEN PATH N                   N sequential GETs (keep-alive) of the day's visit list: p50/p95/max, the rows
"""
import http.client, json, os, statistics, sys, threading, time, urllib.parse, uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testing"))
from bench import client_token, psql_times, stats_ms, token  # noqa: E402  (bench/testing/bench.py)


def people(rows_file, lists, size, out):
    by = {}
    for line in open(rows_file, encoding="utf-8"):
        parts = line.rstrip("\n").split("|")
        if len(parts) == 5:
            by.setdefault(parts[0], []).append(parts[1:])
    chosen = [c for c, v in sorted(by.items()) if len(v) >= size][:lists]
    if len(chosen) < lists:
        raise SystemExit("only %d communities have %d people to list" % (len(chosen), size))
    doc = []
    for c in chosen:
        doc.append({"areaId": c, "items": [{"name": n, "compound": comp, "building": b, "door": d,
                                            "kind": "HOME_ISOLATION" if i % 3 else "HOME_MONITORING",
                                            "reason": "CLOSE_CONTACT"} for i, (n, comp, b, d) in enumerate(by[c][:size])]})
    json.dump(doc, open(out, "w", encoding="utf-8"), ensure_ascii=False)
    print(json.dumps({"lists": len(doc), "people": sum(len(l["items"]) for l in doc)}))


def req(conn, tok, method, path, body=None, headers=None, waits=None):
    """One call; a 429 is waited out as a partner's integration must (Retry-After), the wait added to `waits`."""
    h = {"Authorization": "Bearer " + (tok() if callable(tok) else tok), "Content-Type": "application/json",
         "Accept": "application/json"}
    h.update(headers or {})
    while True:
        conn.request(method, path, body, h)
        r = conn.getresponse()
        data = r.read()
        if r.status == 429 and waits is not None:
            pause = float(r.getheader("Retry-After") or 1)
            waits.append(pause)
            time.sleep(pause)
            continue
        if r.status >= 300:
            raise SystemExit("%s %s: %s %s" % (method, path, r.status, data[:500]))
        return json.loads(data)


def lists(base, kc, client, secret, path, tag):
    doc = json.load(open(path, encoding="utf-8"))
    bodies = [json.dumps({"reference": "%s-%d" % (tag, k), "areaId": l["areaId"], "items": l["items"]}, ensure_ascii=False)
              .encode() for k, l in enumerate(doc)]
    held = {"tok": client_token(kc, client, secret), "at": time.monotonic()}

    def tok():  # client-credentials tokens live 5 minutes: a fresh one after 4
        if time.monotonic() - held["at"] > 240:
            held["tok"], held["at"] = client_token(kc, client, secret), time.monotonic()
        return held["tok"]
    u = urllib.parse.urlsplit(base)
    accepted, failed, waits, lock = [], [], [], threading.Lock()

    def sender(mine):  # a bureau's integration: its own connection, its lists one after the other
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
        for b in mine:
            try:
                a = req(conn, tok, "POST", "/api/v1/quarantine-lists", b, {"Idempotency-Key": str(uuid.uuid4())}, waits)
            except SystemExit as e:
                with lock:
                    failed.append(str(e))
                return
            with lock:
                accepted.append(a["id"])
    clients = int(os.environ.get("LIST_CLIENTS", "2"))
    threads = [threading.Thread(target=sender, args=(bodies[k::clients],)) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failed:
        raise SystemExit(failed[0])
    posted = time.perf_counter() - t0
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    outcomes, pending = {}, set(accepted)
    while pending:
        for lid in sorted(pending):
            v = req(conn, tok, "GET", "/api/v1/quarantine-lists/" + lid)
            if v["status"] in ("DONE", "FAILED"):
                pending.discard(lid)
                if v["status"] == "FAILED":
                    raise SystemExit("list %s failed: %s" % (lid, v.get("error")))
                for k, n in (v.get("outcomes") or {}).items():
                    outcomes[k] = outcomes.get(k, 0) + n
        if pending:
            time.sleep(0.2)
    wall = time.perf_counter() - t0
    n = sum(len(l["items"]) for l in doc)
    return {"people": n, "lists": len(doc), "posted_s": round(posted, 3), "wall_s": round(wall, 3),
            "people_per_s": round(n / wall, 1), "outcomes": outcomes, "waits_429": len(waits),
            "waited_s": round(sum(waits), 1)}


def due(base, tok, path, n):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    lat, body = [], None
    for _ in range(n):
        s = time.perf_counter()
        body = req(conn, tok, "GET", path)
        lat.append((time.perf_counter() - s) * 1000)
    o = stats_ms(lat)
    o.update(rows=len(body["items"]), first=body["items"][0]["status"] if body["items"] else None)
    return o


if __name__ == "__main__":
    cmd, a = sys.argv[1], sys.argv[2:]
    if cmd == "token":
        print(token(a[0], a[1]))
    elif cmd == "people":
        people(a[0], int(a[1]), int(a[2]), a[3])
    elif cmd == "lists":
        print(json.dumps(lists(a[0], a[1], a[2], a[3], a[4], a[5])))
    elif cmd == "due":
        print(json.dumps(due(a[0], a[1], a[2], int(a[3]))))
    elif cmd == "psql-times":
        print(json.dumps(psql_times(a[0])))
