import { downloadPath, linkExpiresAt, signExportLink, verifyExportLink } from './export-link.rules';

describe('export download links', () => {
  const secret = 's'.repeat(48);
  const exportId = '6f1d1a2e-3c4b-4d5e-8f90-a1b2c3d4e5f6';
  const userId = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';
  const now = new Date('2026-12-02T12:00:00Z');
  const expiresAt = linkExpiresAt(now);
  const token = signExportLink({ exportId, userId, expiresAt }, secret);

  it('lives 15 minutes', () => {
    expect(expiresAt.getTime() - now.getTime()).toBe(15 * 60_000);
  });

  it('opens its export for its user until it expires', () => {
    expect(verifyExportLink(token, secret, exportId, now)).toEqual({ claims: { exportId, userId, expiresAt }, refusal: null });
    expect(verifyExportLink(token, secret, exportId.toUpperCase(), new Date(expiresAt.getTime() - 1)).refusal).toBeNull();
  });

  it('is expired at its expiry and after', () => {
    expect(verifyExportLink(token, secret, exportId, expiresAt).refusal).toBe('EXPIRED');
    expect(verifyExportLink(token, secret, exportId, new Date(expiresAt.getTime() + 60_000)).refusal).toBe('EXPIRED');
  });

  it('opens no other export', () => {
    expect(verifyExportLink(token, secret, '11111111-2222-4333-8444-555555555555', now).refusal).toBe('OTHER_EXPORT');
  });

  it('refuses a token signed with another secret', () => {
    const forged = signExportLink({ exportId, userId, expiresAt }, 't'.repeat(48));
    expect(verifyExportLink(forged, secret, exportId, now).refusal).toBe('BAD_SIGNATURE');
  });

  it('refuses a payload changed after signing: another user, a later expiry', () => {
    const [, sig] = token.split('.');
    const otherUser = Buffer.from(`${exportId}.22222222-3333-4444-8555-666666666666.${expiresAt.getTime()}`).toString('base64url');
    const later = Buffer.from(`${exportId}.${userId}.${expiresAt.getTime() + 86_400_000}`).toString('base64url');
    expect(verifyExportLink(`${otherUser}.${sig}`, secret, exportId, now).refusal).toBe('BAD_SIGNATURE');
    expect(verifyExportLink(`${later}.${sig}`, secret, exportId, now).refusal).toBe('BAD_SIGNATURE');
  });

  it('refuses a changed signature, a truncated one, and what is no token at all', () => {
    const [payload, sig] = token.split('.') as [string, string];
    const flipped = `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(verifyExportLink(`${payload}.${flipped}`, secret, exportId, now).refusal).toBe('BAD_SIGNATURE');
    expect(verifyExportLink(`${payload}.${sig.slice(0, 10)}`, secret, exportId, now).refusal).toBe('BAD_SIGNATURE');
    // Other spellings of the same signature bytes: signed-token.spec.ts.
    for (const bad of [undefined, null, '', 'abc', `${payload}.`, `.${sig}`, `${payload}.${sig}.x`, `${payload}.${sig}!`, 'x'.repeat(600)]) {
      expect(verifyExportLink(bad, secret, exportId, now).refusal).toBe('MALFORMED');
    }
  });

  it('refuses a well-signed payload that is not a link (the secret used for something else has its own purpose)', () => {
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const payload = Buffer.from('not.a.link').toString('base64url');
    const sig = createHmac('sha256', secret).update(`puente-export-link-v1\n${payload}`).digest('base64url');
    expect(verifyExportLink(`${payload}.${sig}`, secret, exportId, now).refusal).toBe('MALFORMED');
    const unseparated = createHmac('sha256', secret).update(Buffer.from(`${exportId}.${userId}.${expiresAt.getTime()}`).toString('base64url')).digest('base64url');
    expect(verifyExportLink(`${token.split('.')[0]}.${unseparated}`, secret, exportId, now).refusal).toBe('BAD_SIGNATURE');
  });

  it('downloadPath carries the token URL-encoded', () => {
    expect(downloadPath(exportId, token)).toBe(`/exports/${exportId}/file?token=${token}`);
    expect(downloadPath(exportId, 'a+b/c')).toBe(`/exports/${exportId}/file?token=a%2Bb%2Fc`);
  });
});
