import { createHash, randomBytes } from 'node:crypto';
import type { EventLog } from '../../ports/event-log.js';
import type { Officer, OfficerRepository } from '../../ports/officer-repository.js';
import { OfficerActionError } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';

/** Tokens start with this, so a leaked one is recognisable in a secret scanner. */
export const TOKEN_PREFIX = 'lkt_';

/** The stored form of a token: SHA-256 is enough for 256 random bits (no guessing to slow down). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What issuing and checking tokens needs. */
export interface ApiTokenDeps {
  officers: OfficerRepository;
  events: EventLog;
  now: () => Date;
}

/**
 * Makes a new API token for the officer and returns it: this is the only time it is shown;
 * only its hash is stored. The officer's other tokens stay valid. `by` is who asked (an admin
 * issuing a token for someone else); the officer themself when absent.
 */
export async function issueApiToken(
  deps: ApiTokenDeps,
  officer: OfficerActor,
  by: OfficerActor = officer,
): Promise<string> {
  const stored = await deps.officers.findById(officer.id);
  if (!stored) throw new OfficerActionError('not_found', 'Petugas tidak ditemukan (officer not found).');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  await deps.officers.update({ ...stored, apiTokenHashes: [...stored.apiTokenHashes, hashApiToken(token)] });
  await deps.events.append({
    type: 'officer.token_issued',
    actor: actorOf(by),
    at: deps.now(),
    officeId: officer.officeId,
    before: { officerId: stored.id, tokens: stored.apiTokenHashes.length },
    after: { officerId: stored.id, tokens: stored.apiTokenHashes.length + 1 },
  });
  return token;
}

/**
 * Revokes every API token of an officer at once (tokens carry no names, so a leaked one cannot
 * be told apart): scripts using them get 401 until a new token is issued. Returns how many.
 */
export async function revokeApiTokens(
  deps: ApiTokenDeps,
  officer: OfficerActor,
  by: OfficerActor,
): Promise<number> {
  const stored = await deps.officers.findById(officer.id);
  if (!stored) throw new OfficerActionError('not_found', 'Petugas tidak ditemukan (officer not found).');
  const count = stored.apiTokenHashes.length;
  await deps.officers.update({ ...stored, apiTokenHashes: [] });
  await deps.events.append({
    type: 'officer.tokens_revoked',
    actor: actorOf(by),
    at: deps.now(),
    officeId: stored.officeId,
    before: { officerId: stored.id, tokens: count },
    after: { officerId: stored.id, tokens: 0 },
  });
  return count;
}

/** The active officer a bearer token belongs to, or `undefined`. */
export async function authenticateApiToken(
  officers: OfficerRepository,
  token: string,
): Promise<Officer | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const officer = await officers.findByApiTokenHash(hashApiToken(token));
  return officer?.active ? officer : undefined;
}
