import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { FieldCipher } from '../../ports/field-cipher.js';

/** Marks a sealed value: `enc1.<key id>.<iv>.<ciphertext and tag>`, base64url parts. */
const PREFIX = 'enc1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Marks sealed bytes: `encb1.<key id>.` in ASCII, then the IV, the ciphertext and the tag. The
 * whole header is the additional data, so the key id and the format are both bound.
 */
const BYTES_PREFIX = Buffer.from('encb1.');
/** A key id is a few base64url characters; a header longer than this is not ours. */
const MAX_KEY_ID = 32;

/** One key of the ring: the encryption key and the index key derived from it. */
interface RingKey {
  id: string;
  data: Buffer;
  index: Buffer;
}

/** A sealed value that does not open: tampered, truncated, or sealed under a key not in the ring. */
export class SealedValueError extends Error {
  constructor(reason: string) {
    super(`Sealed value cannot be opened: ${reason}`);
    this.name = 'SealedValueError';
  }
}

/**
 * The key id: a short digest of the key, so the same key always has the same id and an id never
 * reveals the key.
 */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

function ringKey(key: Buffer): RingKey {
  if (key.length !== 32) throw new Error('A data key must be 32 bytes (base64 of 32 random bytes).');
  // The index key is derived, never the data key itself: a digest never helps attack the cipher.
  const index = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'loket blind index v1', 32));
  return { id: keyIdOf(key), data: key, index };
}

function bytesHeader(id: string): Buffer {
  return Buffer.concat([BYTES_PREFIX, Buffer.from(`${id}.`)]);
}

/** `plain` sealed under `key`: header, fresh IV, ciphertext, tag. */
function sealBytesWith(key: RingKey, plain: Buffer): Buffer {
  const header = bytesHeader(key.id);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.data, iv);
  cipher.setAAD(header);
  return Buffer.concat([header, iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The key id named by sealed bytes, and where the IV starts; undefined when the bytes are not sealed. */
function bytesKeyId(sealed: Buffer): { id: string; ivAt: number } | undefined {
  if (!sealed.subarray(0, BYTES_PREFIX.length).equals(BYTES_PREFIX)) return undefined;
  const dot = sealed.indexOf(0x2e, BYTES_PREFIX.length);
  if (dot <= BYTES_PREFIX.length || dot > BYTES_PREFIX.length + MAX_KEY_ID) return undefined;
  return { id: sealed.subarray(BYTES_PREFIX.length, dot).toString('latin1'), ivAt: dot + 1 };
}

/** Opens sealed bytes with the key of the ring they name; throws on anything that does not check. */
function openBytesWith(ring: ReadonlyMap<string, RingKey>, sealed: Buffer): Buffer {
  const named = bytesKeyId(sealed);
  if (!named) throw new SealedValueError('not sealed bytes');
  const key = ring.get(named.id);
  if (!key) throw new SealedValueError(`key ${named.id} is not in LOKET_DATA_KEY or LOKET_DATA_KEYS_OLD`);
  const bodyAt = named.ivAt + IV_BYTES;
  if (sealed.length < bodyAt + TAG_BYTES) throw new SealedValueError('malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.data, sealed.subarray(named.ivAt, bodyAt));
    decipher.setAAD(sealed.subarray(0, named.ivAt));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(bodyAt, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new SealedValueError('authentication failed');
  }
}

/**
 * AES-256-GCM field encryption with node:crypto: a fresh random 96-bit IV per value, the key id
 * bound as additional data (a value moved under another id fails). `current` seals; `older`
 * keys only open and index, until `npm run keys:rotate` has re-sealed their records.
 */
export function createAesGcmCipher(current: Buffer, older: readonly Buffer[] = []): FieldCipher {
  const now = ringKey(current);
  const ring = new Map<string, RingKey>([[now.id, now]]);
  for (const k of older) {
    const rk = ringKey(k);
    if (!ring.has(rk.id)) ring.set(rk.id, rk);
  }
  const digest = (k: RingKey, purpose: string, value: string): string =>
    `${k.id}.${createHmac('sha256', k.index).update(`${purpose}\u0000${value}`).digest('base64url')}`;
  return {
    keyId: now.id,
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', now.data, iv);
      cipher.setAAD(Buffer.from(now.id));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}${now.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [id, ivText, bodyText] = stored.slice(PREFIX.length).split('.');
      const key = id ? ring.get(id) : undefined;
      if (!key)
        throw new SealedValueError(`key ${id ?? '?'} is not in LOKET_DATA_KEY or LOKET_DATA_KEYS_OLD`);
      const iv = Buffer.from(ivText ?? '', 'base64url');
      const body = Buffer.from(bodyText ?? '', 'base64url');
      if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new SealedValueError('malformed');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.data, iv);
        decipher.setAAD(Buffer.from(key.id));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new SealedValueError('authentication failed');
      }
    },
    isCurrent(stored) {
      return stored.startsWith(`${PREFIX}${now.id}.`);
    },
    blindIndex(purpose, value) {
      return digest(now, purpose, value);
    },
    blindIndexes(purpose, value) {
      return [...ring.values()].map((k) => digest(k, purpose, value));
    },
    sealBytes: (plain) => sealBytesWith(now, plain),
    openBytes: (sealed) => openBytesWith(ring, sealed),
    isCurrentBytes: (sealed) => bytesKeyId(sealed)?.id === now.id,
  };
}
