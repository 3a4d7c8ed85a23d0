#!/usr/bin/env python3
"""Supplies benchmark helpers (standard library only), used by run.sh; each command prints one JSON line. The token,
statistics and psql-timing helpers are bench/testing/bench.py's.

  token KC USER                 a user's access token (password grant)
  stock BASE TOKEN PLACES N     N sequential GETs (keep-alive) of /api/v1/supplies/places/{id}/stock, cycling over the
                                place ids of the file PLACES: p50/p95/max, and the lines of the last answer
  psql-times FILE               p50/p95 of the "Time:" lines psql's \\timing printed
"""
import http.client, json, os, sys, time, urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testing"))
from bench import psql_times, stats_ms, token  # noqa: E402  (bench/testing/bench.py)


def stock(base, tok, places_file, n):
    places = [l.strip() for l in open(places_file) if l.strip()]
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    h = {"Authorization": "Bearer " + tok, "Accept": "application/json"}
    lat, body = [], None
    for k in range(n):
        s = time.perf_counter()
        conn.request("GET", "/api/v1/supplies/places/%s/stock" % places[k % len(places)], None, h)
        r = conn.getresponse()
        data = r.read()
        lat.append((time.perf_counter() - s) * 1000)
        if r.status != 200:
            raise SystemExit("GET stock: %s %s" % (r.status, data[:500]))
        body = data
    o = stats_ms(lat)
    o.update(lines=len(json.loads(body)["lines"]))
    return o


if __name__ == "__main__":
    cmd, a = sys.argv[1], sys.argv[2:]
    if cmd == "token":
        print(token(a[0], a[1]))
    elif cmd == "stock":
        print(json.dumps(stock(a[0], a[1], a[2], int(a[3]))))
    elif cmd == "psql-times":
        print(json.dumps(psql_times(a[0])))
