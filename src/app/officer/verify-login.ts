import type { EventLog } from '../../ports/event-log.js';
import type { Officer, OfficerRepository } from '../../ports/officer-repository.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** Failed logins in a row before the account locks. */
export const MAX_FAILED_LOGINS = 5;
/** How long a locked account stays locked. */
export const LOCKOUT_MS = 15 * 60_000;

/** What a login check needs. */
export interface VerifyLoginDeps {
  officers: OfficerRepository;
  events: EventLog;
  now: () => Date;
}

/** A login's outcome; `invalid` never says whether the username exists. */
export type LoginResult =
  | { ok: true; officer: Officer }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntil: Date };

let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password. After MAX_FAILED_LOGINS failures in a row the account is
 * locked for LOCKOUT_MS (even the right password is refused meanwhile); a success resets the
 * count. Unknown usernames cost the same argon2 work, so timing does not reveal them.
 */
export async function verifyLogin(
  deps: VerifyLoginDeps,
  username: string,
  password: string,
): Promise<LoginResult> {
  const now = deps.now();
  const officer = await deps.officers.findByUsername(username);
  if (!officer || !officer.active) {
    await verifyPassword(await (dummyHash ??= hashPassword('loket-dummy-password')), password);
    return { ok: false, reason: 'invalid' };
  }
  if (officer.lockedUntil && officer.lockedUntil > now) {
    return { ok: false, reason: 'locked', lockedUntil: officer.lockedUntil };
  }
  const actor = { kind: 'officer' as const, id: officer.id };
  if (await verifyPassword(officer.passwordHash, password)) {
    const fresh = { ...officer, failedLogins: 0 };
    delete fresh.lockedUntil;
    const stored = (await deps.officers.update(fresh)) ?? fresh;
    await deps.events.append({ type: 'officer.login', actor, at: now, officeId: officer.officeId });
    return { ok: true, officer: stored };
  }
  // A lock that has run out starts a fresh count.
  const failures = (officer.lockedUntil ? 0 : officer.failedLogins) + 1;
  const locked = failures >= MAX_FAILED_LOGINS;
  const next: Officer = { ...officer, failedLogins: locked ? 0 : failures };
  if (locked) next.lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
  else delete next.lockedUntil;
  await deps.officers.update(next);
  await deps.events.append({
    type: locked ? 'officer.locked' : 'officer.login_failed',
    actor,
    at: now,
    officeId: officer.officeId,
    data: { failures },
  });
  return locked && next.lockedUntil
    ? { ok: false, reason: 'locked', lockedUntil: next.lockedUntil }
    : { ok: false, reason: 'invalid' };
}
