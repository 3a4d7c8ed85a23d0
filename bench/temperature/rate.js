// P2 latency at a fixed overall rate (open-ish loop): autocannon with overallRate, 64 connections, a fresh client
// UUID per request. Usage: node rate.js URL RATE SECONDS TOKEN RESIDENTS_FILE CHECKPOINT  -> one JSON line
const autocannon = require('autocannon');
const fs = require('fs');
const crypto = require('crypto');
const [url, rate, seconds, token, residentsFile, checkpoint] = process.argv.slice(2);
const residents = fs.readFileSync(residentsFile, 'utf8').split('\n').filter(Boolean);
const inst = autocannon({
  url, method: 'POST', connections: 64, overallRate: Number(rate), duration: Number(seconds),
  headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
  requests: [{
    setupRequest: (req) => {
      const fever = Math.random() < 0.02;
      const t = fever ? 37.3 + Math.floor(Math.random() * 16) / 10 : 36.0 + Math.floor(Math.random() * 10) / 10;
      req.body = JSON.stringify({
        id: crypto.randomUUID(), source: 'GATE', checkpointId: checkpoint, direction: Math.random() < 0.5 ? 'IN' : 'OUT',
        measuredAt: new Date().toISOString(), temperature: Math.round(t * 10) / 10, healthCode: 'GREEN',
        residentId: residents[Math.floor(Math.random() * residents.length)],
      });
      return req;
    },
  }],
}, (err, r) => {
  if (err) { console.error(err); process.exit(1); }
  console.log(JSON.stringify({
    rate: Number(rate), rps: r.requests.average, sent: r.requests.sent, ok2xx: r['2xx'], non2xx: r.non2xx,
    errors: r.errors, timeouts: r.timeouts, p50_ms: r.latency.p50, p90_ms: r.latency.p90, p99_ms: r.latency.p99,
    max_ms: r.latency.max,
  }));
});
