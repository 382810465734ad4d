import type { Catalog } from '../../catalog/catalog.js';
import type { Actor, Application, ChatAddress, DocumentRef } from '../../domain/application.js';
import type { Office } from '../../domain/office.js';
import { generateTrackingNumber } from '../../domain/tracking-number.js';
import type { Lang } from '../../dialogue/types.js';
import { normalizePhone } from '../../dialogue/phone.js';
import type { ApplicationRepository, PendingEffect } from '../../ports/application-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { HolidayRepository } from '../../ports/holiday-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import { completeEffectsNow } from '../application-effects.js';
import { slaDueAt } from '../calendar.js';
import { servingOffice } from '../office-routing.js';
import { invalidInput, OfficerActionError } from './errors.js';
import { storeDocuments } from './assisted-intake-documents.js';
import { checkIntake, formContext, type IntakeFile } from './intake-form.js';
import { actorOf, type OfficerActor } from './officer-actor.js';

/** What filing for a walk-in citizen needs: the catalog and the same stores the chat uses. */
export interface AssistedIntakeDeps {
  catalog: Catalog;
  applications: ApplicationRepository;
  events: EventLog;
  documents: DocumentStore;
  offices: OfficeRepository;
  /** TRACKING_PREFIX. */
  trackingPrefix: string;
  /** National and configured holidays: the SLA counts working days. */
  holidays: string[];
  /** Admin-added holidays for every office; the office's own come from `offices`. */
  holidayStore?: HolidayRepository;
  /** UPLOAD_MAX_BYTES: the limit of document steps that set none. */
  uploadMaxBytes: number;
  now: () => Date;
  random?: () => number;
}

/** The settings the HTTP layer carries for assisted intake (the stores it already has). */
export type IntakeSettings = Pick<
  AssistedIntakeDeps,
  'catalog' | 'trackingPrefix' | 'holidays' | 'uploadMaxBytes' | 'random'
>;

/**
 * The largest upload one form of the catalog can carry: every document step's files at their
 * limit. The HTTP layer sizes its body limit from it, so a bigger body is refused unread.
 */
export function largestIntakeUpload(settings: Pick<IntakeSettings, 'catalog' | 'uploadMaxBytes'>): number {
  let largest = 0;
  for (const flow of settings.catalog.flows.values()) {
    let sum = 0;
    for (const step of flow.steps) {
      if (step.kind === 'document') sum += step.max_files * (step.max_bytes ?? settings.uploadMaxBytes);
    }
    largest = Math.max(largest, sum);
  }
  return largest;
}

/** An officer's form for a walk-in citizen. */
export interface AssistedIntakeRequest {
  serviceId: string;
  /**
   * A random token the form carries from the moment it was shown: the idempotency key is
   * `assisted:<officer>:<nonce>`, so a double-clicked submit files one application.
   */
  nonce: string;
  answers: Readonly<Record<string, string | undefined>>;
  files: Readonly<Record<string, IntakeFile[] | undefined>>;
  /** Where status updates go, if the citizen has a chat: a WhatsApp number or a Telegram chat id. */
  contact?: { whatsapp?: string; telegram?: string };
  /** The language of the error messages. */
  lang?: Lang;
}

/** The filed application, the office it went to, and whether this call created it (false on a replay). */
export interface AssistedIntakeResult {
  application: Application;
  office?: Office;
  created: boolean;
}

/** Form tokens: long enough not to collide, safe in a key and a hidden field. */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The chat address for status updates. A WhatsApp number becomes its international digits
 * (`628...`, the number part of a WhatsApp chat id); a Telegram chat id is its number.
 */
export function contactOf(
  contact: AssistedIntakeRequest['contact'],
  lang: Lang,
): { ok: true; address?: ChatAddress } | { ok: false; errors: Record<string, string> } {
  const wa = contact?.whatsapp?.trim() ?? '';
  const tg = contact?.telegram?.trim() ?? '';
  const en = lang === 'en';
  if (wa && tg) {
    const msg = en ? 'Fill in one contact only.' : 'Isi salah satu kontak saja.';
    return { ok: false, errors: { 'contact.whatsapp': msg, 'contact.telegram': msg } };
  }
  if (wa) {
    const phone = normalizePhone(wa);
    if (!phone) {
      return {
        ok: false,
        errors: {
          'contact.whatsapp': en
            ? 'Not a mobile number; write e.g. 081234567890.'
            : 'Nomor WhatsApp belum sesuai; tulis seperti 081234567890.',
        },
      };
    }
    return { ok: true, address: { channel: 'whatsapp', chatId: phone.slice(1) } };
  }
  if (tg) {
    if (!/^-?\d{5,20}$/.test(tg)) {
      return {
        ok: false,
        errors: {
          'contact.telegram': en
            ? 'A Telegram chat id is a number (the bot shows it with /start).'
            : 'ID chat Telegram berupa angka (ditampilkan bot saat /start).',
        },
      };
    }
    return { ok: true, address: { channel: 'telegram', chatId: tg } };
  }
  return { ok: true };
}

/**
 * Files an application for a citizen at the counter: the flow's steps as a form, checked with
 * the chat's rules, documents stored with the step's size and type limits, the application
 * created as the chat creates it (tracking number, SLA in working days) with the officer as the
 * actor, routed to the office of the citizen's kelurahan, and an audit event. Refusals are
 * `invalid` errors naming each field; nothing is stored then.
 */
export async function fileAssistedApplication(
  deps: AssistedIntakeDeps,
  officer: OfficerActor,
  req: AssistedIntakeRequest,
): Promise<AssistedIntakeResult> {
  const lang = req.lang ?? 'id';
  const flow = deps.catalog.flows.get(req.serviceId);
  if (!flow) throw new OfficerActionError('not_found', 'Layanan tidak ditemukan (service not found).');
  if (!NONCE_PATTERN.test(req.nonce)) {
    throw invalidInput({ nonce: 'Muat ulang formulir (reload the form).' }, lang);
  }
  const key = `assisted:${officer.id}:${req.nonce}`;
  const at = deps.now();
  const ctx = formContext(deps.catalog, lang, at, deps.uploadMaxBytes);
  const checked = checkIntake(ctx, flow, { answers: req.answers, files: req.files });
  const contact = contactOf(req.contact, lang);
  const errors = { ...(checked.ok ? {} : checked.errors), ...(contact.ok ? {} : contact.errors) };
  if (!checked.ok || !contact.ok) throw invalidInput(errors, lang);
  const { answers } = checked.value;
  const str = (stepId: string) => {
    const v = answers[stepId];
    return v === undefined || v === null ? '' : String(v);
  };
  if (!str(flow.applicant.office)) throw invalidInput({ [flow.applicant.office]: 'Wajib diisi.' }, lang);
  // Like the chat: an office without the service sends it to the nearest one above that has it.
  const { officeId, chain } = await servingOffice(deps.offices, str(flow.applicant.office), flow.id);
  const dueAt = await slaDueAt(deps, flow, officeId, at, chain);

  const { documents, discard } = await storeDocuments(deps, officer, checked.value.documents, {
    at,
    lang,
    citizenLang: ctx.state.lang,
  });
  const actor = actorOf(officer);
  const drawn: string[] = [];
  let app: Application;
  try {
    app = await deps.applications.create(
      {
        serviceId: flow.id,
        applicant: {
          name: str(flow.applicant.name),
          nik: str(flow.applicant.nik),
          ...(str(flow.applicant.phone) ? { phone: str(flow.applicant.phone) } : {}),
          ...(contact.address ? { contact: contact.address } : {}),
        },
        answers,
        documents,
        officeId,
        status: 'SUBMITTED',
        statusHistory: [{ from: null, to: 'SUBMITTED', at, by: actor, note: 'diajukan di loket' }],
        createdAt: at,
        updatedAt: at,
        slaDueAt: dueAt,
      },
      () => {
        const n = generateTrackingNumber({ prefix: deps.trackingPrefix, at, random: deps.random });
        drawn.push(n);
        return n;
      },
      {
        idempotencyKey: key,
        effects: (stored) => [submissionEffect(stored, documents, contact.address, { actor, at })],
      },
    );
  } catch (err) {
    await discardIfUnused(deps, documents, discard);
    throw err;
  }
  const created = drawn.includes(app.trackingNumber);
  if (!created) {
    // A replayed submit (double click, refresh): the first one's application stands, and the
    // files this call stored are not needed.
    await discard();
    return { application: app, office: await deps.offices.get(app.officeId), created: false };
  }
  await completeEffectsNow(deps, app.id, [submissionEffect(app, documents, contact.address, { actor, at })]);
  return { application: app, office: await deps.offices.get(app.officeId), created: true };
}

/**
 * Files now belong to the application; the submission is an audit event like the chat's. Both are
 * a follow-up stored by the create itself, reconciled after a crash.
 */
function submissionEffect(
  app: Application,
  documents: readonly DocumentRef[],
  contact: ChatAddress | undefined,
  { actor, at }: { actor: Actor; at: Date },
): PendingEffect {
  return {
    id: `submitted:${app.id}`,
    at,
    audit: {
      type: 'application.submitted',
      applicationId: app.id,
      trackingNumber: app.trackingNumber,
      officeId: app.officeId,
      actor,
      at,
      data: {
        serviceId: app.serviceId,
        channel: 'console',
        assisted: true,
        documents: documents.length,
        ...(contact ? { contactChannel: contact.channel } : {}),
      },
    },
    ...(documents.length > 0 ? { attachDocuments: documents.map((d) => d.id) } : {}),
  };
}

/**
 * After a failed create, the files this call stored go, unless the create was stored after all
 * and only its answer was lost: then the application lists them. When even that cannot be read,
 * they are left to the orphan sweep, which keeps a file an application lists.
 */
async function discardIfUnused(
  deps: AssistedIntakeDeps,
  documents: readonly DocumentRef[],
  discard: () => Promise<void>,
): Promise<void> {
  try {
    for (const d of documents) if (await deps.applications.findByDocumentId(d.id)) return;
    await discard();
  } catch {
    // The orphan sweep decides later.
  }
}
