import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAesGcmCipher, SealedValueError } from '../../../src/adapters/crypto/aes-gcm-cipher.js';
import { dataKeys } from '../../../src/config/data-key.js';
import { ConfigError, loadConfig } from '../../../src/config/config.js';

const NIK = '3171012345678901';

describe('AES-256-GCM field cipher', () => {
  const key = randomBytes(32);

  it('seals to text without the value, naming its key, and opens it again', () => {
    const cipher = createAesGcmCipher(key);
    const sealed = cipher.seal(NIK);
    expect(sealed).not.toContain(NIK);
    expect(sealed.startsWith(`enc1.${cipher.keyId}.`)).toBe(true);
    expect(cipher.open(sealed)).toBe(NIK);
    // A fresh IV every time: equal values do not look equal at rest.
    expect(cipher.seal(NIK)).not.toBe(sealed);
  });

  it('refuses a tampered value and a value under a key not in the ring', () => {
    const cipher = createAesGcmCipher(key);
    const sealed = cipher.seal(NIK);
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`;
    expect(() => cipher.open(tampered)).toThrow(SealedValueError);
    expect(() => createAesGcmCipher(randomBytes(32)).open(sealed)).toThrow(/not in LOKET_DATA_KEY/);
  });

  it('reads values sealed under an older key, and says they are not current', () => {
    const old = createAesGcmCipher(key);
    const sealed = old.seal(NIK);
    const rolled = createAesGcmCipher(randomBytes(32), [key]);
    expect(rolled.open(sealed)).toBe(NIK);
    expect(rolled.isCurrent(sealed)).toBe(false);
    expect(rolled.isCurrent(rolled.seal(NIK))).toBe(true);
  });

  it('indexes deterministically per key and purpose, and matches older keys on look-up', () => {
    const old = createAesGcmCipher(key);
    const rolled = createAesGcmCipher(randomBytes(32), [key]);
    expect(old.blindIndex('nik', NIK)).toBe(old.blindIndex('nik', NIK));
    expect(old.blindIndex('nik', NIK)).not.toContain(NIK);
    expect(old.blindIndex('nik', NIK)).not.toBe(old.blindIndex('phone', NIK));
    expect(rolled.blindIndexes('nik', NIK)).toEqual([
      rolled.blindIndex('nik', NIK),
      old.blindIndex('nik', NIK),
    ]);
  });

  it('passes through a value stored before encryption', () => {
    expect(createAesGcmCipher(key).open('Budi')).toBe('Budi');
  });
});

describe('AES-256-GCM file contents', () => {
  const key = randomBytes(32);
  /** A JPEG-shaped buffer with the NIK inside, as a KTP photo has it in its EXIF comment. */
  const photo = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff]),
    Buffer.from(`NIK ${NIK}`),
    randomBytes(4096),
  ]);

  it('seals bytes without the contents, naming its key, and opens them byte for byte', () => {
    const cipher = createAesGcmCipher(key);
    const sealed = cipher.sealBytes(photo);
    expect(sealed.includes(NIK)).toBe(false);
    expect(sealed.subarray(0, 15).toString('latin1')).toBe(`encb1.${cipher.keyId}.`);
    expect(cipher.openBytes(sealed).equals(photo)).toBe(true);
    expect(cipher.isCurrentBytes(sealed)).toBe(true);
    // A fresh IV every time: the same file twice does not look the same at rest.
    expect(cipher.sealBytes(photo).equals(sealed)).toBe(false);
    expect(cipher.openBytes(cipher.sealBytes(Buffer.alloc(0))).length).toBe(0);
  });

  it('refuses tampered, truncated or plain bytes, and bytes under a key not in the ring', () => {
    const cipher = createAesGcmCipher(key);
    const sealed = cipher.sealBytes(photo);
    for (const at of [20, 40, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = tampered[at]! ^ 1;
      expect(() => cipher.openBytes(tampered)).toThrow(/authentication failed/);
    }
    expect(() => cipher.openBytes(sealed.subarray(0, sealed.length - 1))).toThrow(SealedValueError);
    expect(() => cipher.openBytes(sealed.subarray(0, 20))).toThrow(/malformed/);
    expect(() => cipher.openBytes(photo)).toThrow(/not sealed/);
    expect(() => createAesGcmCipher(randomBytes(32)).openBytes(sealed)).toThrow(/not in LOKET_DATA_KEY/);
    // The key id is bound: the same body under another key's name does not open with that key.
    const other = createAesGcmCipher(randomBytes(32), [key]);
    const renamed = Buffer.concat([Buffer.from(`encb1.${other.keyId}.`), sealed.subarray(15)]);
    expect(() => other.openBytes(renamed)).toThrow(/authentication failed/);
  });

  it('opens bytes sealed under an older key, and says they are not current', () => {
    const sealed = createAesGcmCipher(key).sealBytes(photo);
    const rolled = createAesGcmCipher(randomBytes(32), [key]);
    expect(rolled.openBytes(sealed).equals(photo)).toBe(true);
    expect(rolled.isCurrentBytes(sealed)).toBe(false);
    expect(rolled.isCurrentBytes(rolled.sealBytes(photo))).toBe(true);
    expect(rolled.isCurrentBytes(photo)).toBe(false);
  });
});

describe('data key', () => {
  it('is generated once into DATA_DIR (mode 600) outside production and kept', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'loket-key-'));
    const first = await dataKeys({}, dir);
    const again = await dataKeys({}, dir);
    expect(first.source).toBe('file');
    expect(again.current.equals(first.current)).toBe(true);
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    expect((await readFile(first.file, 'utf8')).trim()).toBe(first.current.toString('base64'));
  });

  it('comes from LOKET_DATA_KEY when set, and is required in production', () => {
    const k = randomBytes(32).toString('base64');
    expect(loadConfig({ NODE_ENV: 'production', LOKET_DATA_KEY: k }).LOKET_DATA_KEY).toBe(k);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/LOKET_DATA_KEY: required in production/);
  });

  it('refuses a key that is not 32 bytes, without echoing it', () => {
    const short = randomBytes(16).toString('base64');
    try {
      loadConfig({ LOKET_DATA_KEY: short });
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect(String(err)).toMatch(/LOKET_DATA_KEY: must be base64 of 32 random bytes/);
      expect(String(err)).not.toContain(short);
    }
  });
});
