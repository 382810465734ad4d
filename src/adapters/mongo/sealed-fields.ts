import type { FieldCipher } from '../../ports/field-cipher.js';

/**
 * What a re-sealer did to one collection for `npm run keys:rotate`: records looked at, records
 * written again under the current key, and the ids of records it could not open (a key missing
 * from the ring, or tampering), which it left as they were.
 */
export interface ResealReport {
  checked: number;
  resealed: number;
  unreadable: string[];
}

/** The sealed form of an optional text: absent stays absent (compact drops it). */
export function sealText(cipher: FieldCipher, plain: string | undefined): string | undefined {
  return plain === undefined ? undefined : cipher.seal(plain);
}

/** The plain form of an optional stored text; values written before sealing read as they are. */
export function openText(cipher: FieldCipher, stored: string | undefined): string | undefined {
  return stored === undefined ? undefined : cipher.open(stored);
}

/**
 * The value sealed again under the current key, or `undefined` when it already is (or absent).
 * A value stored before sealing existed is sealed now: re-sealing also finishes a migration.
 */
export function resealText(cipher: FieldCipher, stored: string | undefined): string | undefined {
  if (stored === undefined || cipher.isCurrent(stored)) return undefined;
  return cipher.seal(cipher.open(stored));
}

/**
 * The tag a Date carries inside a sealed JSON payload. Audit payload keys never start with `$`
 * (assertStorableKeys refuses them), so no stored object can be mistaken for a tagged date.
 */
const DATE_TAG = '$date';

/**
 * A free-form object (an audit event's `data`) as one sealed string. Dates are tagged, so the
 * object reads back with the same types it was stored with, as the database would have kept them.
 */
export function sealJson(
  cipher: FieldCipher,
  value: Record<string, unknown> | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : v;
  });
  return cipher.seal(json);
}

/** The object `sealJson` sealed. */
export function openJson(cipher: FieldCipher, stored: string): Record<string, unknown> {
  return JSON.parse(cipher.open(stored), (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as Record<string, unknown>)[DATE_TAG];
      if (keys.length === 1 && typeof tagged === 'string') return new Date(tagged);
    }
    return v;
  }) as Record<string, unknown>;
}

/** `openJson` then `sealJson` when the stored payload is not sealed under the current key. */
export function resealJson(cipher: FieldCipher, stored: string | undefined): string | undefined {
  if (stored === undefined || cipher.isCurrent(stored)) return undefined;
  return sealJson(cipher, openJson(cipher, stored));
}
