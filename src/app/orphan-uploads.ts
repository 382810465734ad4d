import { restorable } from '../dialogue/restore.js';
import type { ConversationState } from '../dialogue/types.js';
import type { ApplicationRepository } from '../ports/application-repository.js';
import type { ConversationStore } from '../ports/conversation-store.js';
import type { DocumentStore, StoredDocumentMeta } from '../ports/document-store.js';
import type { EventLog } from '../ports/event-log.js';
import type { LeaseRepository } from '../ports/lease.js';
import { runUnderLease } from './lease-run.js';

/** The lease that keeps two processes from sweeping at once (each deletion is audited once). */
export const ORPHAN_SWEEP_LEASE = 'job:orphan-uploads';

/** The lease of the discard sweep (see `sweepDiscardedUploads`). */
export const DISCARD_SWEEP_LEASE = 'job:discarded-uploads';

/**
 * How long a discarded upload waits before the discard sweep looks at it: the turn that let go of
 * it is saved by then. Only a courtesy: the sweep deletes nothing the saved draft still names.
 */
export const DISCARD_GRACE_MS = 60_000;
/** Discarded files looked at per run; the next run goes on. */
const DISCARD_BATCH = 200;

const DAY_MS = 86_400_000;
const LEASE_TTL_MS = 10 * 60_000;
/** Files looked at between lease renewals. */
const RENEW_EVERY = 50;

/** What the orphan-upload sweep needs. */
export interface OrphanSweepDeps {
  documents: DocumentStore;
  conversations: ConversationStore;
  applications: ApplicationRepository;
  events: EventLog;
  leases: LeaseRepository;
  /** ORPHAN_UPLOAD_DAYS: a pending upload older than this may go. */
  orphanDays: number;
  /** This process (host:pid), the lease holder. */
  holder: string;
  now: () => Date;
}

/** What one run did. */
export interface OrphanSweepReport {
  /** False when another process held the lease. */
  ran: boolean;
  deleted: number;
  /** Still in a draft the citizen may yet send. */
  kept: number;
  /** Part of an application but never marked so (a process died between the two): marked now. */
  attached: number;
  /** Contents of uploads that died mid-write (no file names them), deleted. */
  deadContents: number;
}

/**
 * The files a conversation's draft holds (the flow in progress, at any step or the summary), and,
 * at `now`, those of a draft a cancel set aside while it can still be restored: their discard
 * waits for the restore window to pass, so "batal tadi salah" gets the uploads back too.
 */
export function draftDocumentIds(state: ConversationState, now?: Date): Set<string> {
  const files = Object.values(state.flow?.draft.documents ?? {}).flat();
  const undo = state.undo;
  if (undo && now && restorable(undo.cancelledAt, now.toISOString()))
    files.push(...Object.values(undo.flow.draft.documents ?? {}).flat());
  return new Set(files.map((f) => f.documentId));
}

/**
 * Deletes pending uploads (never attached to an application) older than ORPHAN_UPLOAD_DAYS: a
 * file of a draft that was cancelled, replaced or abandoned, of a revision that did not go
 * through, or relayed to an officer as "[berkas: ...]". A file still in its owner's draft is kept
 * however old (a draft untouched for DRAFT_DAYS is removed by the draft expiry, which lets its
 * files go to the discard sweep); a file an application lists is attached, not deleted.
 * Each deletion is an audit event with the system as actor. Also deletes the contents left by
 * an upload that died before its file was recorded. Runs only under the lease.
 */
export async function sweepOrphanUploads(deps: OrphanSweepDeps): Promise<OrphanSweepReport> {
  const started = deps.now();
  const report = await runUnderLease(deps, ORPHAN_SWEEP_LEASE, LEASE_TTL_MS, async (renew) => {
    const r: OrphanSweepReport = { ran: true, deleted: 0, kept: 0, attached: 0, deadContents: 0 };
    // Not audited: no file, so no owner or upload to name; only ciphertext goes.
    r.deadContents = await deps.documents.sweepDeadContents(started);
    const orphans = await deps.documents.listOrphansBefore(
      new Date(started.getTime() - deps.orphanDays * DAY_MS),
    );
    for (const [i, meta] of orphans.entries()) {
      await sweepOne(deps, meta, r, true);
      if ((i + 1) % RENEW_EVERY === 0 && !(await renew())) break;
    }
    return r;
  });
  return report ?? { ran: false, deleted: 0, kept: 0, attached: 0, deadContents: 0 };
}

/** What the discard sweep needs: the orphan sweep's stores, without its age. */
export type DiscardSweepDeps = Omit<OrphanSweepDeps, 'orphanDays'> & { graceMs?: number };

/**
 * Deletes uploads a draft let go of (`DocumentStore.discard`) once the state without them is
 * saved: a file the stored draft still names is kept (its turn has not been saved, or failed and
 * will be run again), and so is one of a cancelled draft that can still be restored (until the
 * restore window has passed: a later run deletes it); one an application lists is attached instead. Not audited, as an upload
 * replaced in a draft never was. Runs only under its lease.
 */
export async function sweepDiscardedUploads(deps: DiscardSweepDeps): Promise<OrphanSweepReport> {
  const before = new Date(deps.now().getTime() - (deps.graceMs ?? DISCARD_GRACE_MS));
  const report = await runUnderLease(deps, DISCARD_SWEEP_LEASE, LEASE_TTL_MS, async () => {
    const r: OrphanSweepReport = { ran: true, deleted: 0, kept: 0, attached: 0, deadContents: 0 };
    for (const meta of await deps.documents.listDiscardedBefore(before, DISCARD_BATCH))
      await sweepOne({ ...deps, orphanDays: 0 }, meta, r, false);
    return r;
  });
  return report ?? { ran: false, deleted: 0, kept: 0, attached: 0, deadContents: 0 };
}

async function sweepOne(
  deps: OrphanSweepDeps,
  meta: StoredDocumentMeta,
  report: OrphanSweepReport,
  audit: boolean,
): Promise<void> {
  // The conversation first: submitting creates the application before the conversation drops the
  // draft, so a file missing from the draft read here is already in its application.
  const conversation = await deps.conversations.read(meta.owner.channel, meta.owner.chatId);
  if (conversation && draftDocumentIds(conversation.state, deps.now()).has(meta.documentId)) {
    report.kept++;
    return;
  }
  const app = await deps.applications.findByDocumentId(meta.documentId);
  if (app) {
    await deps.documents.attach(meta.documentId, app.id);
    report.attached++;
    return;
  }
  await deps.documents.delete(meta.documentId);
  report.deleted++;
  if (!audit) return;
  // No chat id: on WhatsApp it is the citizen's phone number.
  await deps.events.append({
    type: 'document.orphan_deleted',
    actor: { kind: 'system', id: 'orphan-uploads' },
    at: deps.now(),
    data: {
      documentId: meta.documentId,
      channel: meta.owner.channel,
      contentType: meta.contentType,
      size: meta.size,
      uploadedAt: meta.uploadedAt.toISOString(),
      orphanDays: deps.orphanDays,
    },
  });
}
