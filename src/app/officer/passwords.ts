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
