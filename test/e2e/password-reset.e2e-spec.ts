import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { codesOf, startApi, TestApi } from '../support/api';
import { employerInput, login, newApplicant, newCoordinator } from '../support/people';

interface Mail {
  to: string[];
  text: string;
}

/** A real SMTP relay in this process: the api mails through it, the test reads what arrived. */
async function startRelay(): Promise<{ url: string; mails: Mail[]; stop: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, session, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [headers, ...body] = raw.split('\r\n\r\n');
        let text = body.join('\r\n\r\n');
        // Undo quoted-printable, which nodemailer uses for lines longer than 76 characters.
        if (/content-transfer-encoding: quoted-printable/i.test(headers!)) {
          text = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
        }
        mails.push({ to: session.envelope.rcptTo.map((a) => a.address), text });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

const REQUEST = `mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }`;
const RESET = `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken user { mustChangePassword } } }`;
const REFRESH = `mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken } }`;
const PUBLIC_URL = 'https://puente.trabajo.example';

/**
 * Staff and employers reset a forgotten password through a one-time link e-mailed by a real SMTP relay: the link
 * works once, within an hour, the newest only; the answer never tells whether an account exists; the token is
 * stored only as its SHA-256, and neither the outbox nor the database holds it.
 */
describe('password reset by e-mailed link', () => {
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let api: TestApi;
  let db: DataSource;
  let coordinatorToken: string;

  beforeAll(async () => {
    relay = await startRelay();
    api = await startApi({ SMTP_URL: relay.url, PUBLIC_URL: PUBLIC_URL });
    db = api.app.get(DataSource);
    coordinatorToken = (await newCoordinator(api)).token;
  });
  afterAll(async () => {
    await api.close();
    await relay.stop();
  });

  /** The token of the next link mailed to `email`, waiting up to 5 s. */
  async function linkFor(email: string, seen = 0): Promise<string> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const mine = relay.mails.filter((m) => m.to.includes(email));
      if (mine.length > seen) {
        const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/reset-password#token=([A-Za-z0-9_-]+)`).exec(mine[seen]!.text);
        if (!match) throw new Error('no reset link in the e-mail');
        return match[1]!;
      }
      if (Date.now() > deadline) throw new Error(`no e-mail to the address within 5 s`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const mailsTo = (email: string) => relay.mails.filter((m) => m.to.includes(email)).length;
  const request = (email: string) => api.gql(REQUEST, { i: { email } });

  it('resets a coordinator password: the new one signs in, old sessions and the old password stop working, the link works once', async () => {
    const c = await newCoordinator(api);
    const before = await api.gql(LOGIN, { i: { identifier: c.email, password: c.password } });
    const oldRefresh = before.data!.login.refreshToken as string;

    const r = await request(c.email.toUpperCase());
    expect(r.errors).toEqual([]);
    expect(r.data!.requestPasswordReset).toBe(true);
    const token = await linkFor(c.email);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);

    // Only the hash is stored, and the secret is in no table (the outbox included).
    const rows = await db.query(`SELECT token_hash FROM password_reset WHERE user_id = $1`, [c.id]);
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    expect(await db.query(`SELECT id FROM notification WHERE body LIKE $1`, [`%${token}%`])).toEqual([]);

    const newPassword = `reset-${randomUUID().slice(0, 8)}-passphrase`;
    const done = await api.gql(RESET, { i: { token, newPassword } });
    expect(done.errors).toEqual([]);
    expect(done.data!.resetPassword).toBe(true);

    const after = await api.gql(LOGIN, { i: { identifier: c.email, password: newPassword } });
    expect(after.errors).toEqual([]);
    expect(after.data!.login.user.mustChangePassword).toBe(false);
    expect(codesOf(await api.gql(LOGIN, { i: { identifier: c.email, password: c.password } }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await api.gql(REFRESH, { i: { refreshToken: oldRefresh } }))).toEqual(['UNAUTHENTICATED']);
    // Access tokens from before the reset are refused at once too (the session version moved on).
    for (const old of [c.token, before.data!.login.accessToken as string]) {
      expect(codesOf(await api.gql(`{ me { id } }`, {}, old))).toEqual(['UNAUTHENTICATED']);
    }
    expect(codesOf(await api.gql(`{ me { id } }`, {}, after.data!.login.accessToken))).toEqual([]);

    const again = await api.gql(RESET, { i: { token, newPassword: 'yet-another-passphrase' } });
    expect(codesOf(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors[0]!.extensions!.fields).toEqual([{ field: 'token', message: 'is invalid, expired or already used' }]);
    expect(await login(api, c.email, newPassword)).toEqual(expect.any(String));
  });

  it('resets an employer user password too, and clears a pending mustChangePassword', async () => {
    const input = employerInput();
    expect((await api.gql(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input })).errors).toEqual([]);
    await db.query(`UPDATE app_user SET must_change_password = true WHERE identifier = $1`, [input.contactEmail.toLowerCase()]);
    await request(input.contactEmail);
    const token = await linkFor(input.contactEmail.toLowerCase());
    expect((await api.gql(RESET, { i: { token, newPassword: 'employer-new-passphrase' } })).errors).toEqual([]);
    const session = await api.gql(LOGIN, { i: { identifier: input.contactEmail, password: 'employer-new-passphrase' } });
    expect(session.data!.login.user.mustChangePassword).toBe(false);
  });

  it('answers the same, in similar time, for an unknown address and an applicant, and mails nobody', async () => {
    const c = await newCoordinator(api);
    const applicantEmail = `applicant-${randomUUID().slice(0, 8)}@example.com`;
    await newApplicant(api, coordinatorToken, { email: applicantEmail });
    const timed = async (email: string) => {
      const started = Date.now();
      const r = await request(email);
      return { r: { data: r.data, errors: r.errors }, ms: Date.now() - started };
    };
    const known = await timed(c.email);
    const unknown = await timed(`nobody-${randomUUID()}@puente.test`);
    const applicant = await timed(applicantEmail);
    expect(unknown.r).toEqual(known.r);
    expect(applicant.r).toEqual(known.r);
    for (const t of [known, unknown, applicant]) expect(t.ms).toBeGreaterThanOrEqual(290);
    // The floor (300 ms) dominates both; the margin allows for a busy machine.
    expect(Math.abs(unknown.ms - known.ms)).toBeLessThan(250);
    await linkFor(c.email);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo(applicantEmail)).toBe(0);
  });

  it('a newer link supersedes the older one', async () => {
    const c = await newCoordinator(api);
    await request(c.email);
    const first = await linkFor(c.email, 0);
    await request(c.email);
    const second = await linkFor(c.email, 1);
    expect(second).not.toBe(first);
    expect(codesOf(await api.gql(RESET, { i: { token: first, newPassword: 'first-link-passphrase' } }))).toEqual(['BAD_USER_INPUT']);
    expect((await api.gql(RESET, { i: { token: second, newPassword: 'second-link-passphrase' } })).errors).toEqual([]);
  });

  it('refuses an expired or unknown token with one generic message, and a weak password without using the link up', async () => {
    const c = await newCoordinator(api);
    await request(c.email);
    const token = await linkFor(c.email);

    const weak = await api.gql(RESET, { i: { token, newPassword: 'short' } });
    expect(codesOf(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.errors[0]!.extensions!.fields!.map((f) => f.field)).toEqual(['newPassword']);
    expect(await db.query(`SELECT used_at FROM password_reset WHERE user_id = $1`, [c.id])).toEqual([{ used_at: null }]);

    const unknown = await api.gql(RESET, { i: { token: randomBytes(32).toString('base64url'), newPassword: 'a-fine-passphrase' } });
    await db.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [c.id]);
    const expired = await api.gql(RESET, { i: { token, newPassword: 'a-fine-passphrase' } });
    expect(codesOf(expired)).toEqual(['BAD_USER_INPUT']);
    expect(expired.errors[0]!.message).toBe(unknown.errors[0]!.message);
    expect(await login(api, c.email, c.password)).toEqual(expect.any(String));
  });

  it('refuses a malformed address and a DUI (applicants reset at the desk)', async () => {
    for (const email of ['not-an-address', '00016297-5']) {
      const r = await request(email);
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors[0]!.extensions!.fields!.map((f) => f.field)).toEqual(['email']);
    }
  });
});
