// The load balancer in front of several api processes: round robin over the healthy ones, HTTP and the graphql-ws
// WebSocket upgrade, with the proxying itself left to http-proxy-3 (README, "Dependencies worth a word").
//
// What it decides, as nginx or HAProxy would by default:
// - A request goes to the next api that is up. When that api refuses the connection (a process gone: nothing was
//   sent to it, so nothing can have happened), the request goes to the next one and the refusing api is marked down;
//   the body is read first (GraphQL bodies are small; the api's own limit is 256 KB), so it can be sent again.
// - Any other failure after the request was sent (the process died while working on it) is answered 502 and never
//   re-sent: a mutation may have committed, and sending it again could do it twice.
// - Each api's /health is asked every second: one answer 200 marks it up, two failures in a row mark it down.
// It counts, per api, the requests sent, answered, failed after they were sent (each one noted with its time and
// cause), given up by the client and refused (re-sent elsewhere), and how many are in flight right now:
// bench:scale reads that count at the instant it kills a process.
import http from 'node:http';
import { Readable } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';

const MAX_BODY = 1024 * 1024;
const HEALTH_EVERY_MS = 1000;
const HEALTH_TIMEOUT_MS = 5000;
const FALL = 2;

/** `backends`: [{ name, url }] (url: http://host:port). */
export function createBalancer({ backends, log = () => undefined }) {
  const apis = backends.map((b) => ({
    name: b.name,
    url: b.url,
    up: false,
    healthFailures: 0,
    inFlight: 0,
    counts: { sent: 0, answered: 0, failedAfterSend: 0, clientGone: 0, refused: 0, webSockets: 0 },
    agent: new http.Agent({ keepAlive: true, maxSockets: 256 }),
  }));
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 120_000 });
  // Errors are handled per request (the callbacks below); this only keeps an unexpected one from being thrown.
  proxy.on('error', () => undefined);
  let next = 0;
  /** Each request that failed after it was sent: which api, when, why (the last 10,000). */
  const failures = [];

  const pick = (tried) => {
    for (let i = 0; i < apis.length; i++) {
      const api = apis[(next + i) % apis.length];
      if (api.up && !tried.has(api)) {
        next = (next + i + 1) % apis.length;
        return api;
      }
    }
    return null;
  };
  const markDown = (api, why) => {
    if (api.up) log(`${api.name} down (${why})`);
    api.up = false;
  };

  const unavailable = (res) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(JSON.stringify({ errors: [{ message: 'No api process is available; retry shortly.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 } }] }));
  };

  const send = (req, res, body, tried) => {
    const api = pick(tried);
    if (!api) return unavailable(res);
    api.inFlight++;
    api.counts.sent++;
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      api.inFlight--;
      api.counts[outcome]++;
    };
    // Closed before the answer was written, with no error from the api: the client went away.
    res.once('close', () => settle(res.writableFinished ? 'answered' : 'clientGone'));
    proxy.web(req, res, { target: api.url, agent: api.agent, buffer: Readable.from([body]) }, (error) => {
      if (error.code === 'ECONNREFUSED' && !res.headersSent) {
        // Refused: the api never had it. Not counted as sent; tried on the next api.
        settled = true;
        api.inFlight--;
        api.counts.sent--;
        api.counts.refused++;
        markDown(api, 'connection refused');
        tried.add(api);
        return send(req, res, body, tried);
      }
      settle('failedAfterSend');
      if (failures.length === 10_000) failures.shift();
      failures.push({ api: api.name, at: Date.now(), code: error.code ?? error.message });
      if (res.headersSent) return res.destroy();
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'The api process handling this request stopped; it may or may not have been carried out.', extensions: { code: 'BAD_GATEWAY' } }] }));
    });
  };

  const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size <= MAX_BODY) send(req, res, Buffer.concat(chunks), new Set());
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on('upgrade', (req, socket, head) => {
    const api = pick(new Set());
    if (!api) return socket.destroy();
    api.counts.webSockets++;
    proxy.ws(req, socket, head, { target: api.url }, () => socket.destroy());
  });

  const checkHealth = (api) =>
    new Promise((resolve) => {
      const req = http.get(`${api.url}/health`, { timeout: HEALTH_TIMEOUT_MS, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(false));
    }).then((ok) => {
      if (ok) {
        if (!api.up) log(`${api.name} up`);
        api.up = true;
        api.healthFailures = 0;
      } else if (++api.healthFailures >= FALL) markDown(api, '/health failed');
    });
  let timer;
  let closed = false;
  const healthRound = () => Promise.all(apis.map(checkHealth));

  return {
    server,
    /** Listens on `port` once a first health round has run; resolves with the port. */
    async listen(port, host = '0.0.0.0') {
      await healthRound();
      const loop = () => {
        if (!closed) timer = setTimeout(() => void healthRound().finally(loop), HEALTH_EVERY_MS);
      };
      loop();
      await new Promise((resolve) => server.listen(port, host, resolve));
      return server.address().port;
    },
    /** Requests sent to the api and not yet answered or failed, now. */
    inFlight: (name) => apis.find((a) => a.name === name).inFlight,
    stats: () => Object.fromEntries(apis.map((a) => [a.name, { up: a.up, inFlight: a.inFlight, ...a.counts }])),
    failures: () => [...failures],
    close() {
      closed = true;
      clearTimeout(timer);
      for (const a of apis) a.agent.destroy();
      const done = new Promise((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return done;
    },
  };
}
