/**
 * Why an officer action was refused, in words the HTTP layer maps to a status in one place
 * (ddd-forum's habit) and the console shows as is: the message is Indonesian first.
 */
export type OfficerErrorCode = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'unauthorized';

/** One error class for every refusal of an officer use case; `fields` names bad inputs by path. */
export class OfficerActionError extends Error {
  override readonly name = 'OfficerActionError';
  constructor(
    readonly code: OfficerErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** A form refused field by field, said in the officer's language. */
export function invalidInput(fields: Record<string, string>, lang: 'id' | 'en'): OfficerActionError {
  return new OfficerActionError(
    'invalid',
    lang === 'en'
      ? 'Some fields need fixing (invalid input).'
      : 'Ada isian yang perlu diperbaiki (invalid input).',
    fields,
  );
}

/**
 * The one refusal for an admin-only action: `what` says, in Indonesian, what only admins may
 * do ("mengelola instansi"), so every admin page refuses in the same words.
 */
export function requireAdmin(officer: { role: string }, what: string): void {
  if (officer.role !== 'admin') {
    throw new OfficerActionError('forbidden', `Hanya admin yang boleh ${what} (admins only).`);
  }
}

/**
 * A store the composition may leave out (bare test set-ups): missing, the page says so rather
 * than failing on undefined.
 */
export function requireStore<T>(store: T | undefined, missing: string): T {
  if (!store) throw new OfficerActionError('not_found', missing);
  return store;
}
