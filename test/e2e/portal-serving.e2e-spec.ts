import request from 'supertest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startApi, TestApi } from '../support/api';

/**
 * The api serves the portal's build on its own origin: hashed assets cached for a year, index.html revalidated,
 * the portal's routes answered with index.html when a browser asks for a page, and the portal's own CSP (no
 * inline script) on all of it, in development and in production alike. The api's paths and 404s are unchanged.
 */
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("portal");';
const PAGE = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function portalFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-portal-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), SCRIPT);
  return dir;
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | undefined): Record<string, string> {
  return Object.fromEntries((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values.join(' ')]));
}

// First in the file: only the first api a test file starts was seen to write to the given log destination.
describe('without a portal build', () => {
  let api: TestApi;
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _, done) => (lines.push(String(chunk)), done()) });

  beforeAll(async () => {
    api = await startApi({ LOG_LEVEL: 'info', PORTAL_DIR: path.join(tmpdir(), `puente-no-portal-${process.pid}`) }, { logDestination: sink });
  });
  afterAll(() => api.close());

  it('the api starts, says once that the portal is not built, and answers / as before', async () => {
    expect(lines.filter((l) => /portal is not built/.test(l))).toHaveLength(1);
    const res = await request(api.app.getHttpServer()).get('/').set('accept', PAGE);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'Cannot GET /', error: 'Not Found', statusCode: 404 });
    expect((await request(api.app.getHttpServer()).get('/orders/42').set('accept', PAGE)).status).toBe(404);
    expect((await api.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});

describe.each(['development', 'production'])('the portal on the api origin (NODE_ENV=%s)', (nodeEnv) => {
  let api: TestApi;
  let dir: string;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    dir = portalFolder();
    api = await startApi({ NODE_ENV: nodeEnv, PORTAL_DIR: dir });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET / is index.html, never cached stale, with the portal CSP: scripts from the origin only, no inline script', async () => {
    const res = await http().get('/').set('accept', PAGE);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = directives(res.headers['content-security-policy']);
    expect(csp).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
      'form-action': "'self'",
      'object-src': "'none'",
    });
    expect(csp['script-src']).not.toMatch(/unsafe-inline/);
    // helmet's other headers stay.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    // Without an Accept header too: / is the page itself.
    expect((await http().get('/')).status).toBe(200);
  });

  it('a hashed asset is cached for a year as immutable', async () => {
    const res = await http().get('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text).toBe(SCRIPT);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(directives(res.headers['content-security-policy'])['script-src']).toBe("'self'");
  });

  it("the portal's routes are index.html for a browser (200, revalidated), a 404 for anything else", async () => {
    for (const route of ['/orders/42', '/reset-password', '/employers/7/orders?status=OPEN']) {
      const page = await http().get(route).set('accept', PAGE);
      expect({ route, status: page.status, body: page.text }).toEqual({ route, status: 200, body: INDEX });
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['vary']).toMatch(/accept/i);
      expect(directives(page.headers['content-security-policy'])['script-src']).toBe("'self'");
    }
    for (const accept of ['*/*', 'application/json', 'text/html;q=0']) {
      const missing = await http().get('/nope.js').set('accept', accept);
      expect({ accept, status: missing.status }).toEqual({ accept, status: 404 });
      expect(missing.headers['content-type']).toMatch(/application\/json/);
      expect(missing.body).toEqual({ message: 'Cannot GET /nope.js', error: 'Not Found', statusCode: 404 });
    }
    expect((await http().get('/assets/app-old999.js').set('accept', '*/*')).status).toBe(404);
    // No way out of the folder, whatever the encoding.
    for (const sneaky of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e/%2e%2e/package.json', '/.env']) {
      const res = await http().get(sneaky).set('accept', '*/*');
      expect({ sneaky, status: res.status }).toEqual({ sneaky, status: 404 });
    }
    // Other methods than GET are the api's 404 as before.
    expect((await http().post('/orders/42').set('accept', PAGE)).status).toBe(404);
  });

  it('/graphql and /health are the api, not the portal', async () => {
    const health = await http().get('/health').set('accept', PAGE);
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/application\/json/);
    const r = await api.gql('{ __typename }');
    expect(r).toEqual({ status: 200, data: { __typename: 'Query' }, errors: [] });
    for (const apiPath of ['/graphql/nope', '/health/nope']) {
      expect((await http().get(apiPath).set('accept', PAGE)).status).toBe(404);
    }
    const graphqlPage = await http().get('/graphql').set('accept', 'text/html');
    expect(graphqlPage.text).not.toBe(INDEX);
    if (nodeEnv === 'production') {
      // The api's own answers keep the CSP that allows nothing.
      expect(graphqlPage.headers['content-security-policy']).toMatch(/default-src 'none'/);
    } else {
      // The Sandbox still loads: no CSP on it.
      expect(graphqlPage.status).toBe(200);
      expect(graphqlPage.headers['content-security-policy']).toBeUndefined();
    }
  });
});
