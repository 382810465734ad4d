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
 * only its hash is stored. The officer's other tokens stay valid.
 */
export async function issueApiToken(deps: ApiTokenDeps, officer: OfficerActor): Promise<string> {
  const stored = await deps.officers.findById(officer.id);
  if (!stored) throw new OfficerActionError('not_found', 'Petugas tidak ditemukan (officer not found).');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  await deps.officers.update({ ...stored, apiTokenHashes: [...stored.apiTokenHashes, hashApiToken(token)] });
  await deps.events.append({
    type: 'officer.token_issued',
    actor: actorOf(officer),
    at: deps.now(),
    officeId: officer.officeId,
  });
  return token;
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
