import type { CannedReply, CannedReplyRepository } from '../../ports/canned-reply-repository.js';
import type { EventLog } from '../../ports/event-log.js';
import { OfficerActionError } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import { assertInScope } from './scope.js';

/** What the canned-reply use cases need. */
export interface CannedReplyDeps {
  cannedReplyStore: CannedReplyRepository;
  events: EventLog;
  /** CANNED_REPLIES: the list an office has until its supervisor keeps one of its own. */
  cannedReplies: readonly string[];
  now: () => Date;
}

/** The office itself and the offices above it, nearest first (`31.71.01.1001`, `31.71.01`, ...). */
function selfAndAbove(officeId: string): string[] {
  const parts = officeId.split('.');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

/**
 * The replies an officer is offered: their own office's list, else the nearest office above
 * theirs that keeps one (a kecamatan's list serves its kelurahan), else the default list.
 */
export async function cannedRepliesFor(
  deps: Pick<CannedReplyDeps, 'cannedReplyStore' | 'cannedReplies'>,
  officer: OfficerActor,
): Promise<string[]> {
  const offices = selfAndAbove(officer.officeId);
  const stored = await deps.cannedReplyStore.listForOffices(offices);
  for (const office of offices) {
    const own = stored.filter((r) => r.officeId === office);
    if (own.length > 0) return own.map((r) => r.text);
  }
  return [...deps.cannedReplies];
}

/** The management page's list: the office's own replies, or none and the defaults it starts from. */
export interface OfficeCannedReplies {
  officeId: string;
  own: CannedReply[];
  defaults: readonly string[];
}

function assertSupervisor(officer: OfficerActor): void {
  if (officer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Hanya supervisor yang mengatur balasan siap pakai (supervisors only).',
    );
  }
}

/** The supervisor's own office's replies. */
export async function listOfficeCannedReplies(
  deps: Pick<CannedReplyDeps, 'cannedReplyStore' | 'cannedReplies'>,
  officer: OfficerActor,
): Promise<OfficeCannedReplies> {
  assertSupervisor(officer);
  const own = await deps.cannedReplyStore.listForOffices([officer.officeId]);
  return { officeId: officer.officeId, own, defaults: deps.cannedReplies };
}

/**
 * Adds a reply to the supervisor's office. The first one also saves the default list for the
 * office, so officers keep seeing those replies and the supervisor can edit or delete them.
 */
export async function createCannedReply(
  deps: CannedReplyDeps,
  officer: OfficerActor,
  text: string,
): Promise<CannedReply> {
  assertSupervisor(officer);
  const at = deps.now();
  const own = await deps.cannedReplyStore.listForOffices([officer.officeId]);
  const seed = own.length === 0 ? deps.cannedReplies.filter((d) => d !== text) : [];
  const added = await deps.cannedReplyStore.add(officer.officeId, [...seed, text], at);
  const created = added.at(-1)!;
  await deps.events.append({
    type: 'canned_reply.created',
    actor: actorOf(officer),
    at,
    officeId: officer.officeId,
    after: { text },
    data: { cannedReplyId: created.id, seededDefaults: seed.length },
  });
  return created;
}

async function ownReply(deps: CannedReplyDeps, officer: OfficerActor, id: string): Promise<CannedReply> {
  assertSupervisor(officer);
  const reply = await deps.cannedReplyStore.get(id);
  if (!reply) throw new OfficerActionError('not_found', 'Balasan tidak ditemukan (reply not found).');
  assertInScope(officer, reply.officeId);
  return reply;
}

/** Changes a reply of the supervisor's office (or one below it). */
export async function updateCannedReply(
  deps: CannedReplyDeps,
  officer: OfficerActor,
  id: string,
  text: string,
): Promise<CannedReply> {
  const before = await ownReply(deps, officer, id);
  const at = deps.now();
  const after = await deps.cannedReplyStore.update(id, text, at);
  if (!after) throw new OfficerActionError('not_found', 'Balasan tidak ditemukan (reply not found).');
  await deps.events.append({
    type: 'canned_reply.updated',
    actor: actorOf(officer),
    at,
    officeId: before.officeId,
    before: { text: before.text },
    after: { text },
    data: { cannedReplyId: id },
  });
  return after;
}

/** Deletes a reply of the supervisor's office (or one below it). */
export async function deleteCannedReply(
  deps: CannedReplyDeps,
  officer: OfficerActor,
  id: string,
): Promise<void> {
  const before = await ownReply(deps, officer, id);
  const at = deps.now();
  if (!(await deps.cannedReplyStore.remove(id))) return;
  await deps.events.append({
    type: 'canned_reply.deleted',
    actor: actorOf(officer),
    at,
    officeId: before.officeId,
    before: { text: before.text },
    data: { cannedReplyId: id },
  });
}
