import type { Application } from '../../domain/application.js';
import { formatDate } from '../../dialogue/dates.js';
import type { ApplicationRepository, PendingEffect } from '../../ports/application-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import { completeEffectsNow } from '../application-effects.js';
import type { EventLog } from '../../ports/event-log.js';
import type { LeaseRepository } from '../../ports/lease.js';
import type { Outbox } from '../../ports/outbox.js';
import { runUnderLease } from '../lease-run.js';
import { daysLate } from './metric-math.js';
import { noticeToApplicant } from '../citizen-lang.js';
import type { Lang } from '../../dialogue/types.js';
import type { ConversationStore } from '../../ports/conversation-store.js';

/** The lease that keeps two processes from running the SLA check at once. */
export const SLA_CHECK_LEASE = 'job:sla-check';
const LEASE_TTL_MS = 5 * 60_000;

/** What the SLA check needs. */
export interface OverdueDeps {
  applications: ApplicationRepository;
  events: EventLog;
  outbox: Outbox;
  /** Completing follow-ups takes it (an apology has no files). */
  documents: DocumentStore;
  /** For the citizen's language in the apology. */
  conversations: Pick<ConversationStore, 'read'>;
  leases: LeaseRepository;
  /** This process (host:pid), the lease holder. */
  holder: string;
  now: () => Date;
  batchSize?: number;
  /** At most this many applications per run; the next run goes on. */
  maxPerRun?: number;
}

/** What one run did. */
export interface OverdueReport {
  /** False when another process held the lease. */
  ran: boolean;
  /** Applications newly found past their SLA (an audit event each). */
  noticed: number;
  /** Of those, citizens told through their chat (walk-ins without a chat are not). */
  citizensTold: number;
}

/**
 * The apology a citizen receives once when their application passes its SLA due moment
 * unfinished, in their language: which one, the date it was due, that the office knows, and a
 * way to a person.
 */
export function overdueNotice(app: Application, lang: Lang = 'id'): string {
  const due = formatDate(app.slaDueAt.toISOString(), lang);
  return lang === 'en'
    ? [
        `We are sorry: application ${app.trackingNumber} was not finished by its service deadline (${due}).`,
        'The office has been alerted to the delay and an officer is following it up; we will tell you as soon as something changes.',
        'Type "status" to see where it stands, or "officer" to ask a person.',
      ].join('\n')
    : [
        `Mohon maaf, permohonan ${app.trackingNumber} belum selesai pada batas waktu layanan (${due}).`,
        'Kantor sudah mendapat peringatan keterlambatan ini dan petugas menindaklanjutinya; kami kabari begitu ada perubahan.',
        'Ketik "status" untuk melihat perkembangannya, atau "petugas" untuk bertanya langsung.',
      ].join('\n');
}

/**
 * The SLA check: finds applications still being processed after their due moment that nobody was
 * told about yet; for each, an audit event `application.overdue` (the system as actor, how late),
 * an outbox row keyed `overdue:<id>` to the citizen's chat (once, whatever happens), and the mark
 * that it was told. One process at a time by lease, so two servers never both report it.
 */
export async function noticeOverdue(deps: OverdueDeps): Promise<OverdueReport> {
  const report = await runUnderLease(deps, SLA_CHECK_LEASE, LEASE_TTL_MS, async (renew) => {
    const r: OverdueReport = { ran: true, noticed: 0, citizensTold: 0 };
    const batchSize = deps.batchSize ?? 50;
    const maxPerRun = deps.maxPerRun ?? 500;
    while (r.noticed < maxPerRun) {
      const now = deps.now();
      // Each one found is marked below, so the next page is always the first one again.
      const page = await deps.applications.list(
        { overdueAt: now, overdueNotNoticed: true },
        { limit: batchSize, offset: 0 },
      );
      if (page.items.length === 0) break;
      for (const app of page.items) {
        if (await noticeOne(deps, app, now)) r.citizensTold++;
        r.noticed++;
      }
      if (!(await renew())) break;
    }
    return r;
  });
  return report ?? { ran: false, noticed: 0, citizensTold: 0 };
}

async function noticeOne(deps: OverdueDeps, app: Application, now: Date): Promise<boolean> {
  const contact = app.applicant.contact;
  const id = `overdue:${app.id}`;
  const followUp: PendingEffect = {
    id,
    at: now,
    audit: {
      type: 'application.overdue',
      applicationId: app.id,
      trackingNumber: app.trackingNumber,
      officeId: app.officeId,
      actor: { kind: 'system', id: 'sla-check' },
      at: now,
      data: {
        status: app.status,
        slaDueAt: app.slaDueAt.toISOString(),
        daysLate: daysLate(app.slaDueAt, now),
      },
    },
    ...(await noticeToApplicant(deps.conversations, app.applicant, id, (lang) => overdueNotice(app, lang))),
  };
  // The mark, the audit event and the apology are one write (the mark carries the other two as a
  // follow-up): after a crash the reconciler completes them, and the check never finds it again.
  await deps.applications.markOverdueNoticed(app.id, now, { effects: [followUp] });
  await completeEffectsNow(deps, app.id, [followUp]);
  return contact !== undefined;
}
