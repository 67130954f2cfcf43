import { FieldCipher, FieldCipherError, newDataKey, parseDataKeys } from './field-cipher';

const key = (byte: number) => Buffer.alloc(32, byte);
const cipherOf = (keys: Record<string, Buffer>, currentKeyId: string, blindIndexKey = key(9)) =>
  new FieldCipher({ keys: new Map(Object.entries(keys)), currentKeyId, blindIndexKey });

describe('FieldCipher', () => {
  const dui = '04567890-3';

  it('round-trips a value in the versioned format, with a fresh IV each time', () => {
    const cipher = cipherOf({ k1: key(1) }, 'k1');
    const a = cipher.encrypt('dui', dui);
    const b = cipher.encrypt('dui', dui);
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(a).not.toEqual(b);
    expect(a).not.toContain(dui);
    expect(a).not.toContain('045678903');
    expect(cipher.decrypt('dui', a)).toBe(dui);
    expect(cipher.decrypt('dui', b)).toBe(dui);
    expect(cipher.decrypt('passport', cipher.encrypt('passport', 'A12345678'))).toBe('A12345678');
  });

  it('detects a changed ciphertext, IV, key id or field kind', () => {
    const cipher = cipherOf({ k1: key(1), k2: key(2) }, 'k1');
    const stored = cipher.encrypt('dui', dui);
    const [v, id, iv, sealed] = stored.split(':') as [string, string, string, string];
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    expect(() => cipher.decrypt('dui', [v, id, iv, flip(sealed)].join(':'))).toThrow(/failed authentication/);
    expect(() => cipher.decrypt('dui', [v, id, flip(iv), sealed].join(':'))).toThrow(/failed authentication/);
    expect(() => cipher.decrypt('dui', [v, 'k2', iv, sealed].join(':'))).toThrow(/failed authentication/);
    expect(() => cipher.decrypt('passport', stored)).toThrow(/failed authentication/);
    expect(() => cipher.decrypt('dui', dui)).toThrow(FieldCipherError);
    expect(() => cipher.decrypt('dui', `v2:k1:${iv}:${sealed}`)).toThrow(/not in the v1 encrypted format/);
  });

  it('decrypts with the key a value names and encrypts with the current one, so keys rotate', () => {
    const before = cipherOf({ old: key(1) }, 'old');
    const stored = before.encrypt('passport', 'A12345678');
    const during = cipherOf({ old: key(1), new: key(2) }, 'new');
    expect(during.decrypt('passport', stored)).toBe('A12345678');
    expect(during.isCurrent(stored)).toBe(false);
    const rotated = during.reencrypt('passport', stored);
    expect(during.keyIdOf(rotated)).toBe('new');
    expect(during.reencrypt('passport', rotated)).toBe(rotated);
    const after = cipherOf({ new: key(2) }, 'new');
    expect(after.decrypt('passport', rotated)).toBe('A12345678');
    // The blind index does not depend on the data keys: lookups keep working through a rotation.
    expect(after.blindIndex('dui', dui)).toBe(before.blindIndex('dui', dui));
  });

  it('refuses a value under a key it does not have, naming the key id and no value', () => {
    const stored = cipherOf({ gone: key(1) }, 'gone').encrypt('dui', dui);
    const cipher = cipherOf({ k1: key(2) }, 'k1');
    let error: unknown;
    try {
      cipher.decrypt('dui', stored);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FieldCipherError);
    expect((error as Error).message).toBe(
      'A stored dui is encrypted with data key "gone", which is not configured in PUENTE_DATA_KEYS (add it back to read it)',
    );
    expect((error as Error).message).not.toContain(stored.split(':')[3]);
  });

  it('gives a keyed blind index: equal for equal values, different across kinds and keys, never the value', () => {
    const cipher = cipherOf({ k1: key(1) }, 'k1');
    const index = cipher.blindIndex('dui', dui);
    expect(index).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cipher.blindIndex('dui', dui)).toBe(index);
    expect(cipher.blindIndex('dui', '04567891-1')).not.toBe(index);
    expect(cipher.blindIndex('passport', dui)).not.toBe(index);
    expect(cipherOf({ k1: key(1) }, 'k1', key(8)).blindIndex('dui', dui)).not.toBe(index);
  });

  it('refuses a configuration whose current key is missing or of the wrong size', () => {
    expect(() => cipherOf({ k1: key(1) }, 'k2')).toThrow('The current data key "k2" is not among the configured keys');
    expect(() => cipherOf({ k1: Buffer.alloc(16) }, 'k1')).toThrow('Data key "k1" must be 32 bytes');
  });

  it('parses PUENTE_DATA_KEYS', () => {
    const a = newDataKey();
    const parsed = parseDataKeys(`2026-01:${a}, 2026_07:${Buffer.from(a, 'base64').toString('base64url')}`);
    expect('keys' in parsed && [...parsed.keys.keys()]).toEqual(['2026-01', '2026_07']);
    expect(parseDataKeys(`k1:${a},k1:${a}`)).toEqual({ problem: 'names key "k1" twice' });
    expect(parseDataKeys('')).toEqual({ problem: 'must list at least one key, as keyId:base64key' });
  });
});
