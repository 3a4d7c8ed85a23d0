#!/usr/bin/env python3
"""Daily report benchmark helpers (standard library only), used by run.sh; each command prints one JSON line. The token,
statistics and psql-timing helpers are bench/testing/bench.py's.

  token KC USER                 a password-grant token of a demo user
  get BASE TOKEN PATH N         N sequential GETs (keep-alive) of PATH: p50/p95/max; fails on anything but 200
  report-times PSQL_OUT N       psql's \\timing lines of N repetitions of report.sql: the sum per repetition, p50/p95
  capture PG_LOG OFFSET OUT     the statements one API call sent (PostgreSQL's log from byte OFFSET, logged with
                                log_min_duration_statement = 0), those of the connection that sent the most, with their
                                parameters bound as literals: a psql script of the same SQL, written to OUT
"""
import http.client, json, os, re, sys, time, urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testing"))
from bench import stats_ms, token  # noqa: E402  (bench/testing/bench.py)


def get(base, tok, path, n):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    h = {"Authorization": "Bearer " + tok, "Accept": "application/json"}
    lat = []
    for _ in range(int(n)):
        s = time.perf_counter()
        conn.request("GET", path, None, h)
        r = conn.getresponse()
        data = r.read()
        lat.append((time.perf_counter() - s) * 1000)
        if r.status != 200:
            raise SystemExit("GET %s: %s %s" % (path, r.status, data[:500]))
    return stats_ms(lat)


def report_times(path, n):
    """report.sql's statements' times, summed per repetition (each repetition starts with a '-- report i' line)."""
    text = open(path).read()
    times = [float(m.group(1).replace(",", "")) for m in re.finditer(r"^Time: ([\d.,]+) ms", text, re.M)]
    n = int(n)
    if not times or len(times) % n:
        raise SystemExit("expected a multiple of %d timings, got %d" % (n, len(times)))
    per = len(times) // n
    return dict(stats_ms([sum(times[i * per:(i + 1) * per]) for i in range(n)]), statements=per)


ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \w+ \[(\d+)\] (\w+):  (.*)$")


def capture(log, offset, out):
    with open(log, encoding="utf-8", errors="replace") as f:
        f.seek(int(offset))
        lines = f.read().splitlines()
    entries = []  # [pid, level, text]
    for line in lines:
        m = ENTRY.match(line)
        if m:
            entries.append([m.group(1), m.group(2), m.group(3)])
        elif entries:
            entries[-1][2] += "\n" + line
    stmts = []  # (pid, sql, params)
    last = {}  # pid -> the execute its next DETAIL belongs to (parse and bind lines have their own DETAILs)
    for pid, level, text in entries:
        m = re.match(r"duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)", text, re.S)
        if level == "LOG":
            last[pid] = None
            if m:
                stmts.append([pid, m.group(1), {}])
                last[pid] = stmts[-1]
        elif level == "DETAIL" and text.lower().startswith("parameters:") and last.get(pid) is not None:
            for k, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", text):
                last[pid][2][int(k)] = v
    stmts = [s for s in stmts if re.match(r"\s*(select|with)\b", s[1], re.I)]
    if not stmts:
        raise SystemExit("no statements in the log after offset %s" % offset)
    busiest = max(set(s[0] for s in stmts), key=lambda p: sum(1 for s in stmts if s[0] == p))
    with open(out, "w", encoding="utf-8") as f:
        n = 0
        for pid, sql, params in stmts:
            if pid != busiest:
                continue
            bound = re.sub(r"\$(\d+)\b", lambda m: params.get(int(m.group(1)), "NULL"), sql)
            f.write(bound.rstrip().rstrip(";") + ";\n")
            n += 1
    return {"statements": n, "pid": busiest}


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "token":
        print(token(*args))
    elif cmd == "get":
        print(json.dumps(get(*args)))
    elif cmd == "capture":
        print(json.dumps(capture(*args)))
    elif cmd == "report-times":
        print(json.dumps(report_times(*args)))
    else:
        raise SystemExit(__doc__)
