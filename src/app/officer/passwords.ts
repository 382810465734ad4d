import argon2 from 'argon2';

/** Shortest password accepted: long enough to resist guessing at the lock-out rate. */
export const MIN_PASSWORD_LENGTH = 10;

/** Hashes a password with argon2id (the OWASP recommendation), salt and parameters inside the hash. */
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Checks a password against a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Shortest password for an admin account (the first-run setup): an admin can do everything. */
export const ADMIN_MIN_PASSWORD_LENGTH = 12;

/** Words people pick first; a password that is one of these (digits and symbols aside) is refused. */
const COMMON_WORDS = new Set([
  'password',
  'passw',
  'katasandi',
  'sandi',
  'rahasia',
  'admin',
  'administrator',
  'loket',
  'indonesia',
  'jakarta',
  'qwerty',
  'qwertyuiop',
  'asdfghjkl',
  'letmein',
  'welcome',
  'selamatdatang',
  'bismillah',
  'merdeka',
  'iloveyou',
  'abcdef',
  'abcdefghijkl',
  'petugas',
  'kelurahan',
  'kecamatan',
  'desa',
]);

/** Runs of keys or letters; a password that is a piece of one is refused. */
const SEQUENCES = [
  '01234567890123456789',
  '98765432109876543210',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
];

/**
 * Why a password is too weak, in Indonesian (English after a slash), or `undefined` when it is
 * good enough: long enough, not a common word with digits around it, not a repeat or a run.
 */
export function passwordWeakness(
  password: string,
  minLength = ADMIN_MIN_PASSWORD_LENGTH,
): string | undefined {
  if (password.length < minLength)
    return `Kata sandi minimal ${minLength} karakter / at least ${minLength} characters.`;
  const lower = password.toLowerCase();
  const letters = lower.replace(/[^a-z]/g, '');
  const simple =
    COMMON_WORDS.has(letters) ||
    letters.length === 0 ||
    new Set(lower).size < 5 ||
    /^(.{1,4})\1+$/.test(lower) ||
    SEQUENCES.some((s) => s.includes(lower));
  return simple
    ? 'Kata sandi terlalu mudah ditebak; gabungkan beberapa kata yang tidak umum / too easy to guess.'
    : undefined;
}
