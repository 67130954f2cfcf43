import { openToken, signToken } from './signed-token';

describe('signed tokens', () => {
  const secret = 's'.repeat(48);
  const fields = ['6f1c0a52-3b1e-4c55-9d1e-0c2b8d6b9a11', '1767225600000'];
  const token = signToken('purpose-a', fields, secret);

  it('opens a token with its own purpose and secret, and gives back its fields', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(openToken('purpose-a', token, secret)).toEqual({ fields, refusal: null });
  });

  it('refuses another purpose, another secret and a changed payload', () => {
    expect(openToken('purpose-b', token, secret).refusal).toBe('BAD_SIGNATURE');
    expect(openToken('purpose-a', token, 't'.repeat(48)).refusal).toBe('BAD_SIGNATURE');
    const [, sig] = token.split('.');
    const other = Buffer.from([fields[0], '1767225600001'].join('.')).toString('base64url');
    expect(openToken('purpose-a', `${other}.${sig}`, secret).refusal).toBe('BAD_SIGNATURE');
  });

  it('refuses every other spelling of the same signature bytes (the last character has two spare bits)', () => {
    const [payload, sig] = token.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig.at(-1)!);
    const others = [0, 1, 2, 3].map((spare) => alphabet[(last & ~3) | spare]!).filter((c) => c !== sig.at(-1));
    expect(others).toHaveLength(3);
    for (const c of others) {
      const respelled = `${sig.slice(0, -1)}${c}`;
      expect(Buffer.from(respelled, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
      expect(openToken('purpose-a', `${payload}.${respelled}`, secret).refusal).toBe('BAD_SIGNATURE');
    }
  });

  it('refuses what is not shaped as a token before any work', () => {
    const [payload, sig] = token.split('.') as [string, string];
    for (const bad of [undefined, null, '', 'abc', `${payload}.`, `.${sig}`, `${payload}.${sig}.x`, `${payload}.${sig}!`, 'x'.repeat(600)]) {
      expect(openToken('purpose-a', bad, secret).refusal).toBe('MALFORMED');
    }
  });
});
