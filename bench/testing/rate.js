// Sampling registrations at a fixed overall rate (autocannon overallRate, 64 connections): the 10-minute soak and the
// background writer of the coverage phase. A fresh client UUID per request, the next resident of the shuffled city list, pools of
// 10 filled round robin over 64 tubes; the token (password grant) is renewed every 2 minutes (tokens live 5).
// Usage: node rate.js BASE ROUND RATE SECONDS KC USER RESIDENTS_FILE PREFIX  -> one JSON line, with 2xx per second
const autocannon = require('autocannon');
const fs = require('fs');
const crypto = require('crypto');
const [base, round, rate, seconds, kc, user, residentsFile, prefix] = process.argv.slice(2);
const residents = fs.readFileSync(residentsFile, 'utf8').split('\n').filter(Boolean);
let token = null;
async function renew() {
  const r = await fetch(kc + '/realms/gridguard/protocol/openid-connect/token', {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'gridguard-cli', username: user, password: 'gridguard' }),
  });
  token = (await r.json()).access_token;
}
(async () => {
  await renew();
  const timer = setInterval(() => renew().catch((e) => console.error('token renewal failed', e)), 120000);
  let n = 0;
  const start = Math.floor(Math.random() * residents.length);
  const t0 = Date.now();
  const perSecond = [];
  const inst = autocannon({
    url: base + '/api/v1/test-rounds/' + round + '/samples', method: 'POST', connections: 64,
    overallRate: Number(rate), duration: Number(seconds), timeout: 10,
    requests: [{
      setupRequest: (req) => {
        const barcode = `${prefix}-${n % 64}-${Math.floor(n / 640)}`;
        n++;
        req.headers = { 'content-type': 'application/json', authorization: 'Bearer ' + token };
        req.body = JSON.stringify({ id: crypto.randomUUID(), barcode, kind: 'ORDINARY',
          residentId: residents[(start + n) % residents.length] });
        return req;
      },
    }],
  }, (err, r) => {
    clearInterval(timer);
    if (err) { console.error(err); process.exit(1); }
    const s = Number(seconds);
    const win = Math.min(60, Math.floor(s / 2));
    const sum = (a, b) => perSecond.slice(a, b).reduce((x, y) => x + (y || 0), 0);
    const first = sum(0, win) / win, last = sum(s - win, s) / win;
    console.log(JSON.stringify({
      rate: Number(rate), seconds: s, rps: r.requests.average, sent: r.requests.sent, ok2xx: r['2xx'], non2xx: r.non2xx,
      errors: r.errors, timeouts: r.timeouts, p50_ms: r.latency.p50, p90_ms: r.latency.p90, p99_ms: r.latency.p99,
      max_ms: r.latency.max, window_s: win, first_min_rps: first, last_min_rps: last,
      last_over_first: first > 0 ? last / first : null, per_second: perSecond.map((x) => x || 0),
    }));
  });
  process.on('SIGTERM', () => inst.stop()); // the background writer is stopped when its phase ends
  inst.on('response', (client, statusCode) => {
    if (statusCode >= 200 && statusCode < 300) {
      const i = Math.floor((Date.now() - t0) / 1000);
      perSecond[i] = (perSecond[i] || 0) + 1;
    }
  });
})();
