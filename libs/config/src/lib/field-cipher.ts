import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encryption at rest of personal identifiers (national IDs, passport numbers), with keys from the configuration.
 *
 * A stored value reads `v1:<keyId>:<iv>:<ciphertext+tag>` (iv and ciphertext base64url): AES-256-GCM with a
 * random 96-bit IV per value and a 128-bit tag, the version, key id and field kind bound as additional data, so
 * a value moved from one kind of field to another, or relabelled with another key id, fails authentication.
 * Values are encrypted with the current key and decrypted with whichever configured key they name, so keys
 * rotate: add a new key, make it current, re-encrypt (`npm run rotate-keys`), then retire the old one.
 *
 * Lookups never decrypt a table: a blind index, HMAC-SHA-256 under a key of its own over the kind and the
 * normalised value, is stored beside each ciphertext and indexed (uniqueness, search, the applicant's login).
 * Errors name key ids and variables, never a value.
 */
/** `document`: the number of an applicant's recorded document (passport, visa, police record), `applicant_document.number_enc`. */
export type FieldKind = 'dui' | 'passport' | 'totp' | 'document';

export interface DataKeys {
  /** Key id → 32-byte AES key. */
  keys: ReadonlyMap<string, Buffer>;
  /** The key new values are encrypted with. */
  currentKeyId: string;
  /** The HMAC key of the blind indexes. */
  blindIndexKey: Buffer;
}

export class FieldCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldCipherError';
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export class FieldCipher {
  private readonly current: Buffer;

  constructor(private readonly keys: DataKeys) {
    const current = keys.keys.get(keys.currentKeyId);
    if (!current) throw new FieldCipherError(`The current data key "${keys.currentKeyId}" is not among the configured keys`);
    for (const [id, key] of keys.keys) {
      if (key.length !== 32) throw new FieldCipherError(`Data key "${id}" must be 32 bytes`);
    }
    if (keys.blindIndexKey.length < 32) throw new FieldCipherError('The blind-index key must be at least 32 bytes');
    this.current = current;
  }

  get currentKeyId(): string {
    return this.keys.currentKeyId;
  }

  encrypt(kind: FieldKind, plain: string): string {
    const keyId = this.keys.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(keyId, kind));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}:${keyId}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
  }

  decrypt(kind: FieldKind, stored: string): string {
    const parts = stored.split(':');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new FieldCipherError(`A stored ${kind} is not in the ${VERSION} encrypted format`);
    const [, keyId, ivText, sealedText] = parts as [string, string, string, string];
    const key = this.keys.keys.get(keyId);
    if (!key) {
      throw new FieldCipherError(
        `A stored ${kind} is encrypted with data key "${keyId}", which is not configured in PUENTE_DATA_KEYS (add it back to read it)`,
      );
    }
    const iv = Buffer.from(ivText, 'base64url');
    const sealed = Buffer.from(sealedText, 'base64url');
    if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw new FieldCipherError(`A stored ${kind} is malformed`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(keyId, kind));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldCipherError(`A stored ${kind} failed authentication (altered, or not encrypted with data key "${keyId}")`);
    }
  }

  /** The key id a stored value names, or null when it is not in the encrypted format. */
  keyIdOf(stored: string): string | null {
    const parts = stored.split(':');
    return parts.length === 4 && parts[0] === VERSION ? parts[1]! : null;
  }

  /** Whether a stored value is encrypted with the current key (nothing for a rotation to do). */
  isCurrent(stored: string): boolean {
    return this.keyIdOf(stored) === this.keys.currentKeyId;
  }

  /** A stored value re-encrypted with the current key (unchanged when it already is). */
  reencrypt(kind: FieldKind, stored: string): string {
    return this.isCurrent(stored) ? stored : this.encrypt(kind, this.decrypt(kind, stored));
  }

  /** The blind index of an already normalised value: equal values give equal indexes, nothing else can be read. */
  blindIndex(kind: FieldKind, normalized: string): string {
    return createHmac('sha256', this.keys.blindIndexKey).update(`${kind}:${normalized}`, 'utf8').digest('base64url');
  }
}

function aad(keyId: string, kind: FieldKind): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${kind}`, 'utf8');
}

/** A new random 32-byte key, base64: what `npm start` and `npm test` generate, and an operator can use. */
export function newDataKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * `PUENTE_DATA_KEYS`: a comma-separated list of `keyId:base64key` (32-byte keys, base64 or base64url).
 * Returns the keys, or the problem (naming no key material).
 */
export function parseDataKeys(text: string): { keys: Map<string, Buffer> } | { problem: string } {
  const keys = new Map<string, Buffer>();
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID_PATTERN.test(id)) return { problem: 'must be a comma-separated list of keyId:base64key (key ids of letters, digits, - or _)' };
    const material = entry.slice(colon + 1);
    const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(material) ? Buffer.from(material, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) return { problem: `key "${id}" must be 32 random bytes in base64 (e.g. openssl rand -base64 32)` };
    if (keys.has(id)) return { problem: `names key "${id}" twice` };
    keys.set(id, key);
  }
  if (keys.size === 0) return { problem: 'must list at least one key, as keyId:base64key' };
  return { keys };
}

/** `PUENTE_BLIND_INDEX_KEY`: 32 or more random bytes, base64 or base64url. */
export function parseBlindIndexKey(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
  const key = Buffer.from(text, 'base64');
  return key.length >= 32 ? key : null;
}
