import { randomBytes } from 'crypto';
import {
  decryptField,
  encryptField,
  encryptionKeyIdOf,
  lookupHash,
  maskTail,
} from './field-encryption';

describe('personal-data encryption', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('round-trips and never stores the plain value', () => {
    const stored = encryptField('E12345678');
    expect(stored).not.toContain('E12345678');
    expect(decryptField(stored)).toBe('E12345678');
    expect(encryptField('E12345678')).not.toBe(stored);
  });

  it('decrypts with an older key after rotation and encrypts with the new one', () => {
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    process.env.DATA_ENCRYPTION_KEYS = `k1:${oldKey}`;
    const old = encryptField('+8613800000000');
    process.env.DATA_ENCRYPTION_KEYS = `k2:${newKey},k1:${oldKey}`;
    expect(decryptField(old)).toBe('+8613800000000');
    expect(encryptionKeyIdOf(encryptField('x'))).toBe('k2');
    process.env.DATA_ENCRYPTION_KEYS = `k2:${newKey}`;
    expect(() => decryptField(old)).toThrow(/unknown key k1/);
  });

  it('detects tampering', () => {
    const stored = encryptField('330782199001011234').split(':');
    stored[4] = Buffer.from('tampered').toString('base64');
    expect(() => decryptField(stored.join(':'))).toThrow();
  });

  it('hashes normalised values for lookup, keyed', () => {
    expect(lookupHash('e 1234-5678', 'passport')).toBe(lookupHash('E12345678', 'passport'));
    expect(lookupHash('E12345678', 'passport')).not.toBe(lookupHash('E12345678', 'resident_id'));
    process.env.LOOKUP_HASH_KEY = 'another-key';
    expect(lookupHash('E12345678', 'passport')).not.toBe(
      (() => {
        process.env.LOOKUP_HASH_KEY = saved.LOOKUP_HASH_KEY ?? '';
        return lookupHash('E12345678', 'passport');
      })(),
    );
  });

  it('masks all but the tail', () => {
    expect(maskTail('330782199001011234')).toBe('**************1234');
    expect(maskTail('1234')).toBe('****');
    expect(maskTail(null)).toBeNull();
  });
});
