import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'crypto';

/**
 * Identity document numbers and phone numbers are encrypted at rest with AES-256-GCM and found
 * through a keyed hash (HMAC-SHA256), so an exact-match lookup needs no decryption.
 *
 * DATA_ENCRYPTION_KEYS lists keys as `id:base64` separated by commas; the first encrypts, every
 * listed key decrypts (rotation: put the new key first, keep the old one until re-encrypted).
 * LOOKUP_HASH_KEY keys the lookup hash. Development defaults are derived from fixed strings and
 * refused in production (see config/environment.ts).
 */
export const DEV_ENCRYPTION_KEYS = `dev1:${createHash('sha256').update('dev-only-personal-data-key').digest('base64')}`;
export const DEV_LOOKUP_HASH_KEY = 'dev-only-lookup-hash-key';

interface KeyRing {
  currentId: string;
  keys: Map<string, Buffer>;
  lookupKey: string;
}

let ring: KeyRing | undefined;
let ringSource = '';

export function parseKeyRing(spec: string): { currentId: string; keys: Map<string, Buffer> } {
  const keys = new Map<string, Buffer>();
  let currentId = '';
  for (const entry of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, material] = entry.split(':');
    const key = Buffer.from(material ?? '', 'base64');
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(id ?? '') || key.length !== 32) {
      throw new Error('DATA_ENCRYPTION_KEYS: each entry must be id:base64 of 32 bytes');
    }
    keys.set(id, key);
    currentId ||= id;
  }
  if (!currentId) throw new Error('DATA_ENCRYPTION_KEYS is empty');
  return { currentId, keys };
}

function keyRing(): KeyRing {
  const spec = process.env.DATA_ENCRYPTION_KEYS || DEV_ENCRYPTION_KEYS;
  const lookupKey = process.env.LOOKUP_HASH_KEY || DEV_LOOKUP_HASH_KEY;
  if (!ring || ringSource !== spec + lookupKey) {
    ring = { ...parseKeyRing(spec), lookupKey };
    ringSource = spec + lookupKey;
  }
  return ring;
}

export function encryptField(plain: string): string {
  const { currentId, keys } = keyRing();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.get(currentId)!, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    currentId,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    body.toString('base64'),
  ].join(':');
}

export function decryptField(stored: string): string {
  return decryptWith(keyRing(), stored);
}

/**
 * decryptField for many values at once (an export): the key ring is read once, not from the
 * environment for every value.
 */
export function fieldDecrypter(): (stored: string) => string {
  const ring = keyRing();
  return (stored) => decryptWith(ring, stored);
}

function decryptWith(ring: KeyRing, stored: string): string {
  const [version, keyId, iv, tag, body] = stored.split(':');
  if (version !== 'v1') throw new Error('unknown personal-data cipher version');
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`personal data encrypted with unknown key ${keyId}`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
    'utf8',
  );
}

/** Key id a stored value was encrypted with (for re-encryption after rotation). */
export function encryptionKeyIdOf(stored: string): string {
  return stored.split(':')[1];
}

/** Keyed hash for exact-match lookup of a normalised value (upper case, no spaces or dashes). */
export function lookupHash(value: string, kind: string): string {
  const normalised = value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  return createHmac('sha256', keyRing().lookupKey).update(`${kind}:${normalised}`).digest('hex');
}

/** TypeORM transformer for an encrypted text column. */
export const encryptedTransformer = {
  to: (value: string | null | undefined) =>
    value === null || value === undefined ? value : encryptField(value),
  from: (value: string | null) =>
    value === null || value === undefined ? null : decryptField(value),
};

/** "E1234567" → "****4567"; short values are masked whole. */
export function maskTail(value: string | null | undefined, visible = 4): string | null {
  if (!value) return value ?? null;
  if (value.length <= visible + 2) return '*'.repeat(value.length);
  return '*'.repeat(value.length - visible) + value.slice(-visible);
}
