import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { AuditEvent, EventFilter, EventLog } from '../../ports/event-log.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import type { PageResult } from '../../ports/page.js';
import { OfficerActionError } from './errors.js';
import type { OfficerActor } from './officer-actor.js';
import { isWithinOffice, officesInScope } from './scope.js';

/** What the audit search needs. */
export interface SearchAuditDeps {
  applications: ApplicationRepository;
  events: EventLog;
  offices: OfficeRepository;
  officers: OfficerRepository;
}

/** The audit search form, as a supervisor fills it in. */
export interface AuditQuery {
  /** The acting officer's username (case-insensitive). */
  officer?: string;
  /** An event type such as `application.status_changed`. */
  type?: string;
  trackingNumber?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  limit: number;
  offset: number;
}

/** One audit row, with the acting officer's name resolved for people to read. */
export interface AuditEntry extends AuditEvent {
  actorName?: string;
}

/** The event types officers cause, for the search form's "action" list. */
export const OFFICER_ACTION_TYPES = [
  'application.status_changed',
  'document.viewed',
  'handoff.claimed',
  'handoff.replied',
  'handoff.reply_retried',
  'handoff.released',
  'handoff.closed',
  'handoff.noted',
  'handoff.transferred',
  'handoff.handed_back',
  'officer.login',
  'officer.login_failed',
  'officer.locked',
  'officer.created',
  'officer.enabled',
  'officer.disabled',
  'officer.password_reset',
  'officer.token_issued',
  'officer.tokens_revoked',
  'officer.token_revoked',
  'whatsapp.restarted',
  'whatsapp.unpaired',
  'whatsapp.pairing_code_requested',
  'canned_reply.created',
  'canned_reply.updated',
  'canned_reply.deleted',
  'office.updated',
  'holiday.added',
  'holiday.removed',
] as const;

const EMPTY: PageResult<AuditEntry> = { items: [], total: 0 };

/**
 * Searches the audit log (read-only) for supervisors and admins, within their office subtree:
 * by officer, action type, tracking number and date range, newest first, one page at a time.
 * An unknown officer or tracking number finds nothing rather than failing.
 */
export async function searchAudit(
  deps: SearchAuditDeps,
  viewer: OfficerActor,
  q: AuditQuery,
): Promise<PageResult<AuditEntry>> {
  if (viewer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Log audit hanya untuk supervisor dan admin (supervisors only).',
    );
  }
  const filter: EventFilter = { officeIds: await officesInScope(deps.offices, viewer) };
  if (q.type) filter.type = q.type;
  if (q.from) filter.from = q.from;
  if (q.to) filter.to = q.to;
  if (q.officer) {
    const officer = await deps.officers.findByUsername(q.officer);
    if (!officer) return EMPTY;
    filter.actorId = officer.id;
  }
  if (q.trackingNumber) {
    const app = await deps.applications.findByTrackingNumber(q.trackingNumber.trim().toUpperCase());
    if (!app || !isWithinOffice(app.officeId, viewer.officeId)) return EMPTY;
    filter.applicationId = app.id;
  }
  const page = await deps.events.search(filter, { limit: q.limit, offset: q.offset });
  return { items: await withNames(deps.officers, page.items), total: page.total };
}

/** Adds the display name of each officer actor (one read of the officer list). */
export async function withNames(officers: OfficerRepository, events: AuditEvent[]): Promise<AuditEntry[]> {
  if (!events.some((e) => e.actor.kind === 'officer')) return events;
  const names = new Map((await officers.list()).map((o) => [o.id, `${o.displayName} (${o.username})`]));
  return events.map((e) => {
    const name = e.actor.kind === 'officer' ? names.get(e.actor.id) : undefined;
    return name ? { ...e, actorName: name } : e;
  });
}
