import { createHash, randomBytes } from 'node:crypto';
import type { ApiTokenRecord, ApiTokenStore } from '../../ports/api-token-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { Officer, OfficerRepository } from '../../ports/officer-repository.js';
import { OfficerActionError } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import { isWithinOffice } from './scope.js';

/** Tokens start with this, so a leaked one is recognisable in a secret scanner. */
export const TOKEN_PREFIX = 'lkt_';

/** API_TOKEN_DAYS when the deps do not say: a forgotten token stops working by itself. */
export const DEFAULT_API_TOKEN_DAYS = 90;

/** How many characters of a token the console shows: enough to tell tokens apart, useless to an attacker. */
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

/** A use is written at most this often, so a busy script does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

const DAY_MS = 86_400_000;

/** The stored form of a token: SHA-256 is enough for 256 random bits (no guessing to slow down). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What issuing, listing, revoking and checking tokens needs. */
export interface ApiTokenDeps {
  officers: OfficerRepository;
  apiTokens: ApiTokenStore;
  events: EventLog;
  now: () => Date;
  /** API_TOKEN_DAYS; DEFAULT_API_TOKEN_DAYS when absent. */
  apiTokenDays?: number;
}

/** A token as its owner or an admin sees it: never the hash, only a short prefix. */
export type ApiTokenListing = Omit<ApiTokenRecord, 'hash'> & { state: 'active' | 'expired' | 'revoked' };

/** Why a bearer token was refused; the API says so in the 401. */
export type ApiTokenRefusal = 'unknown' | 'expired' | 'revoked' | 'inactive';

/** The outcome of checking a bearer token. */
export type ApiTokenCheck = { ok: true; officer: Officer } | { ok: false; reason: ApiTokenRefusal };

async function storedOfficer(deps: ApiTokenDeps, id: string): Promise<Officer> {
  const stored = await deps.officers.findById(id);
  if (!stored) throw new OfficerActionError('not_found', 'Petugas tidak ditemukan (officer not found).');
  return stored;
}

/** The owner, or an admin whose office subtree holds the owner, may see and revoke tokens. */
function assertMayManage(by: OfficerActor, owner: Officer): void {
  if (by.id === owner.id) return;
  if (by.role === 'admin' && isWithinOffice(owner.officeId, by.officeId)) return;
  throw new OfficerActionError('forbidden', 'Anda tidak berwenang atas token ini (not your token).');
}

async function saveToken(
  deps: ApiTokenDeps,
  officerId: string,
  token: string,
  at: Date,
): Promise<ApiTokenRecord> {
  const record: ApiTokenRecord = {
    id: randomBytes(12).toString('hex'),
    officerId,
    hash: hashApiToken(token),
    prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
    createdAt: at,
    expiresAt: new Date(at.getTime() + (deps.apiTokenDays ?? DEFAULT_API_TOKEN_DAYS) * DAY_MS),
  };
  await deps.apiTokens.create(record);
  return record;
}

/**
 * Makes a new API token for the officer and returns it: this is the only time it is shown;
 * only its hash is stored. It expires after API_TOKEN_DAYS; the officer's other tokens stay
 * valid. `by` is who asked (an admin issuing a token for someone else); the officer themself when absent.
 */
export async function issueApiToken(
  deps: ApiTokenDeps,
  officer: OfficerActor,
  by: OfficerActor = officer,
): Promise<string> {
  const stored = await storedOfficer(deps, officer.id);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const at = deps.now();
  const record = await saveToken(deps, stored.id, token, at);
  await deps.events.append({
    type: 'officer.token_issued',
    actor: actorOf(by),
    at,
    officeId: stored.officeId,
    after: { officerId: stored.id, tokenId: record.id, prefix: record.prefix, expiresAt: record.expiresAt },
  });
  return token;
}

/** The officer's tokens, newest first, for the owner or an admin above them. */
export async function listApiTokens(
  deps: ApiTokenDeps,
  by: OfficerActor,
  officerId: string,
): Promise<ApiTokenListing[]> {
  assertMayManage(by, await storedOfficer(deps, officerId));
  const now = deps.now();
  const rows = await deps.apiTokens.listByOfficer(officerId);
  return rows.map(({ hash: _h, ...rest }) => ({
    ...rest,
    state: rest.revokedAt ? 'revoked' : rest.expiresAt <= now ? 'expired' : 'active',
  }));
}

/** Revokes one token (by its id, never the secret); audited. The officer's other tokens keep working. */
export async function revokeApiToken(deps: ApiTokenDeps, by: OfficerActor, tokenId: string): Promise<void> {
  const token = await deps.apiTokens.findById(tokenId);
  if (!token) throw new OfficerActionError('not_found', 'Token tidak ditemukan (token not found).');
  const owner = await storedOfficer(deps, token.officerId);
  assertMayManage(by, owner);
  const at = deps.now();
  if (!(await deps.apiTokens.revoke(tokenId, at))) {
    throw new OfficerActionError('conflict', 'Token ini sudah dicabut (already revoked).');
  }
  await deps.events.append({
    type: 'officer.token_revoked',
    actor: actorOf(by),
    at,
    officeId: owner.officeId,
    before: { officerId: owner.id, tokenId, prefix: token.prefix, revoked: false },
    after: { officerId: owner.id, tokenId, prefix: token.prefix, revoked: true },
  });
}

/**
 * Revokes every API token of an officer at once (a suspected leak of an unknown token):
 * scripts using them get 401 until a new token is issued. Returns how many.
 */
export async function revokeApiTokens(
  deps: ApiTokenDeps,
  officer: OfficerActor,
  by: OfficerActor,
): Promise<number> {
  const stored = await storedOfficer(deps, officer.id);
  const at = deps.now();
  const count = await deps.apiTokens.revokeAllOf(stored.id, at);
  await deps.events.append({
    type: 'officer.tokens_revoked',
    actor: actorOf(by),
    at,
    officeId: stored.officeId,
    before: { officerId: stored.id, tokens: count },
    after: { officerId: stored.id, tokens: 0 },
  });
  return count;
}

/** Checks a bearer token: the active officer it belongs to, or why it is refused. */
export async function authenticateApiToken(deps: ApiTokenDeps, token: string): Promise<ApiTokenCheck> {
  if (!token.startsWith(TOKEN_PREFIX)) return { ok: false, reason: 'unknown' };
  const record = await deps.apiTokens.findByHash(hashApiToken(token));
  if (!record) return { ok: false, reason: 'unknown' };
  const now = deps.now();
  if (record.revokedAt) return { ok: false, reason: 'revoked' };
  if (record.expiresAt <= now) return { ok: false, reason: 'expired' };
  const officer = await deps.officers.findById(record.officerId);
  if (!officer?.active) return { ok: false, reason: 'inactive' };
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await deps.apiTokens.touch(record.id, now);
  }
  return { ok: true, officer };
}
