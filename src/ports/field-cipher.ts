/**
 * Personal data sealed field by field before it is stored (UU 27/2022), and the keyed blind
 * indexes that let a store find a record by NIK, phone or chat address without keeping the value.
 * The stores take it from the composition root; nothing below main knows the key.
 */
export interface FieldCipher {
  /** The id of the key `seal` uses now; a sealed value names the key that sealed it. */
  readonly keyId: string;
  /** `plain` encrypted and authenticated under the current key, as text safe to store. */
  seal(plain: string): string;
  /**
   * The plain text of a value `seal` made under any key of the ring. A value that is not sealed
   * (written before encryption) is returned as it is; a tampered one throws.
   */
  open(stored: string): string;
  /** True when `stored` is sealed under the current key (`npm run keys:rotate` re-seals the rest). */
  isCurrent(stored: string): boolean;
  /**
   * A deterministic keyed digest of `value` for equality look-ups, under the current key.
   * `purpose` separates the indexes ("nik", "phone", "contact", "actor"), so equal values in two
   * of them do not match.
   */
  blindIndex(purpose: string, value: string): string;
  /** The digests of `value` under every key of the ring, current first: what a look-up matches. */
  blindIndexes(purpose: string, value: string): string[];
  /**
   * A stored file's contents (a KTP photo, a letter) encrypted and authenticated under the current
   * key: a header naming the key, a fresh IV, the ciphertext and the tag, as bytes to store.
   */
  sealBytes(plain: Buffer): Buffer;
  /**
   * The plain bytes of what `sealBytes` made under any key of the ring. Anything else throws:
   * tampered, truncated, under a key not in the ring, or never sealed (plain bytes in the store
   * are refused, so nobody can slip an unchecked file in).
   */
  openBytes(sealed: Buffer): Buffer;
  /** True when `sealed` (from `sealBytes`) is under the current key. */
  isCurrentBytes(sealed: Buffer): boolean;
}
