import type { Logger } from '../config/logger.js';
import type { Effect, StatusView, SystemEvent } from '../dialogue/types.js';
import type { InboundMessage } from './inbound.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Application, DocumentRef, AnswerValue } from '../domain/application.js';
import type { ApplicationRepository } from '../ports/application-repository.js';
import type { EventLog } from '../ports/event-log.js';
import type { HandoffRepository } from '../ports/handoff-repository.js';
import type { DocumentStore } from '../ports/document-store.js';
import { generateTrackingNumber, parseTrackingNumber } from '../domain/tracking-number.js';
import { addWorkingDays, isLate } from '../domain/working-days.js';
import { changeStatus } from '../domain/status.js';
import { counterHours } from './counter-hours.js';
import type { EffectRunner } from './handle-inbound.js';

export interface EffectDeps {
  catalog: Catalog;
  applications: ApplicationRepository;
  events: EventLog;
  handoffs: HandoffRepository;
  documents: DocumentStore;
  logger: Logger;
  trackingPrefix: string;
  holidays: string[];
  random?: () => number;
}

/** The use cases behind the engine's effects, one small function each. */
export function makeEffectRunner(deps: EffectDeps): EffectRunner {
  const random = deps.random ?? Math.random;
  return {
    async run(effect, { msg }) {
      switch (effect.kind) {
        case 'submit_application':
          return submit(effect, msg);
        case 'lookup_status':
          return lookupStatus(effect.trackingNumber, msg);
        case 'open_handoff':
          return openHandoff(effect, msg);
        case 'relay_to_officer': {
          const ticket = await deps.handoffs.findOpenByChat(msg.channel, msg.chatId);
          if (ticket) {
            const text = effect.text ?? (effect.file ? `[berkas: ${effect.file.filename}]` : '');
            await deps.handoffs.appendMessage(ticket.id, { from: 'citizen', text, at: msg.at });
          }
          return [];
        }
        case 'cancel_handoff': {
          const ticket = await deps.handoffs.findOpenByChat(msg.channel, msg.chatId);
          if (ticket) await deps.handoffs.close(ticket.id, msg.at);
          return [];
        }
        case 'discard_document':
          if (effect.documentId) await deps.documents.delete(effect.documentId);
          return [];
        case 'save_revision':
          return saveRevision(effect, msg);
        case 'record_consent':
          await deps.events.append({
            type: effect.given ? 'consent.given' : 'consent.refused',
            actor: { kind: 'citizen', id: `${msg.channel}:${msg.chatId}` },
            at: msg.at,
          });
          return [];
      }
    },
  };

  async function submit(
    effect: Extract<Effect, { kind: 'submit_application' }>,
    msg: InboundMessage,
  ): Promise<SystemEvent[]> {
    const flow = deps.catalog.flows.get(effect.draft.serviceId);
    if (!flow) return [{ kind: 'submit_failed' }];
    const a = effect.draft.answers;
    const str = (k: string) => (a[k] === undefined || a[k] === null ? '' : String(a[k]));
    const documents: DocumentRef[] = Object.entries(effect.draft.documents).flatMap(([stepId, files]) =>
      files.map((f) => ({
        id: f.documentId,
        stepId,
        filename: f.filename,
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        uploadedAt: msg.at,
      })),
    );
    try {
      const app = await deps.applications.create(
        {
          serviceId: flow.id,
          applicant: {
            name: str(flow.applicant.name),
            nik: str(flow.applicant.nik),
            ...(str(flow.applicant.phone) ? { phone: str(flow.applicant.phone) } : {}),
            contact: { channel: msg.channel, chatId: msg.chatId },
          },
          answers: a,
          documents,
          officeId: str(flow.applicant.office),
          status: 'SUBMITTED',
          statusHistory: [
            {
              from: null,
              to: 'SUBMITTED',
              at: msg.at,
              by: { kind: 'citizen', id: `${msg.channel}:${msg.chatId}` },
            },
          ],
          createdAt: msg.at,
          updatedAt: msg.at,
          slaDueAt: addWorkingDays(msg.at, flow.sla_working_days, { holidays: deps.holidays }),
        },
        () => generateTrackingNumber({ prefix: deps.trackingPrefix, at: msg.at, random }),
        // A redelivered confirmation (crash before the message was marked done) finds the first one.
        { idempotencyKey: `${msg.channel}:${msg.chatId}:${msg.messageId}` },
      );
      // No longer pending: the orphan-upload sweep keeps them (it also checks the applications,
      // for a process that died right here).
      for (const d of app.documents) await deps.documents.attach(d.id, app.id);
      await deps.events.append({
        type: 'application.submitted',
        applicationId: app.id,
        trackingNumber: app.trackingNumber,
        officeId: app.officeId,
        actor: { kind: 'citizen', id: `${msg.channel}:${msg.chatId}` },
        at: msg.at,
        data: { serviceId: app.serviceId, channel: msg.channel },
      });
      return [{ kind: 'submitted', trackingNumber: app.trackingNumber, dueAt: app.slaDueAt.toISOString() }];
    } catch (err) {
      deps.logger.error({ err, serviceId: flow.id }, 'submit failed');
      return [{ kind: 'submit_failed' }];
    }
  }

  function view(app: Application, now: Date): StatusView {
    const last = app.statusHistory.at(-1);
    return {
      trackingNumber: app.trackingNumber,
      serviceId: app.serviceId,
      status: app.status,
      lastChangeAt: (last?.at ?? app.updatedAt).toISOString(),
      dueAt: app.slaDueAt.toISOString(),
      late:
        isLate(app.slaDueAt, now) &&
        !['COMPLETED', 'REJECTED', 'CANCELLED', 'READY_FOR_PICKUP'].includes(app.status),
      ...(app.status === 'REJECTED' && app.rejectionReason ? { note: app.rejectionReason } : {}),
      ...(app.status === 'NEEDS_REVISION' && app.revision ? { note: app.revision.note } : {}),
    };
  }

  async function lookupStatus(query: string | undefined, msg: InboundMessage): Promise<SystemEvent[]> {
    if (!query) {
      const mine = await deps.applications.listByContact({ channel: msg.channel, chatId: msg.chatId });
      if (mine.length === 0) return [{ kind: 'status_not_found' }];
      return [{ kind: 'status_found', applications: mine.map((a) => view(a, msg.at)) }];
    }
    const parsed = parseTrackingNumber(query, deps.trackingPrefix);
    if (parsed.ok) {
      const app = await deps.applications.findByTrackingNumber(parsed.value);
      if (app) return [{ kind: 'status_found', applications: [view(app, msg.at)] }];
      return [{ kind: 'status_not_found', query: parsed.value }];
    }
    for (const s of parsed.suggestions) {
      if (await deps.applications.findByTrackingNumber(s))
        return [{ kind: 'status_not_found', query, suggestion: s }];
    }
    return [{ kind: 'status_not_found', query }];
  }

  async function openHandoff(
    effect: Extract<Effect, { kind: 'open_handoff' }>,
    msg: InboundMessage,
  ): Promise<SystemEvent[]> {
    const existing = await deps.handoffs.findOpenByChat(msg.channel, msg.chatId);
    const ticket =
      existing ??
      (
        await deps.handoffs.open({
          channel: msg.channel,
          chatId: msg.chatId,
          ...(msg.sender?.name ? { citizenName: msg.sender.name } : {}),
          reason: effect.reason,
          priority: effect.priority,
          createdAt: msg.at,
          transcript: [{ from: 'bot', text: effect.summary, at: msg.at }],
        })
      ).ticket;
    await deps.events.append({
      type: 'handoff.opened',
      actor: { kind: 'citizen', id: `${msg.channel}:${msg.chatId}` },
      at: msg.at,
      data: { ticketId: ticket.id, reason: effect.reason, priority: effect.priority },
    });
    const position = await deps.handoffs.position(ticket.id);
    return [{ kind: 'handoff_opened', position: position ?? 1, ...counterHours(msg.at, deps.holidays) }];
  }

  async function saveRevision(
    effect: Extract<Effect, { kind: 'save_revision' }>,
    msg: InboundMessage,
  ): Promise<SystemEvent[]> {
    const app = await deps.applications.findByTrackingNumber(effect.trackingNumber);
    if (!app || app.status !== 'NEEDS_REVISION' || app.revision?.stepId !== effect.stepId) return [];
    const answers: Record<string, AnswerValue> = { ...app.answers };
    let documents = app.documents;
    if (effect.file) {
      const f = effect.file;
      const old = documents.filter((d) => d.stepId === effect.stepId);
      documents = [
        ...documents.filter((d) => d.stepId !== effect.stepId),
        {
          id: f.documentId,
          stepId: effect.stepId,
          filename: f.filename,
          contentType: f.contentType,
          size: f.size,
          sha256: f.sha256,
          uploadedAt: msg.at,
        },
      ];
      for (const d of old) await deps.documents.delete(d.id);
    } else if (effect.value !== undefined) {
      answers[effect.stepId] = effect.value;
    }
    // A fixed name, NIK, phone or kelurahan is also the applicant's and the routing: the officer
    // list, the masked NIK and the office must show the corrected value, not the old one.
    const applicant = { ...app.applicant };
    let officeId = app.officeId;
    const flow = deps.catalog.flows.get(app.serviceId);
    const fixed = effect.value;
    if (flow && fixed !== undefined && fixed !== null && !effect.file) {
      if (effect.stepId === flow.applicant.name) applicant.name = String(fixed);
      if (effect.stepId === flow.applicant.nik) applicant.nik = String(fixed);
      if (effect.stepId === flow.applicant.phone) applicant.phone = String(fixed);
      if (effect.stepId === flow.applicant.office) officeId = String(fixed);
    }
    const actor = { kind: 'citizen' as const, id: `${msg.channel}:${msg.chatId}` };
    const updated = changeStatus({ ...app, applicant, officeId, answers, documents }, 'IN_REVIEW', {
      by: actor,
      at: msg.at,
      note: `perbaikan: ${effect.stepId}`,
    });
    await deps.applications.save(updated, app.version);
    if (effect.file) await deps.documents.attach(effect.file.documentId, app.id);
    await deps.events.append({
      type: 'application.revised',
      applicationId: app.id,
      trackingNumber: app.trackingNumber,
      officeId: app.officeId,
      actor,
      at: msg.at,
      data: { stepId: effect.stepId },
    });
    return [{ kind: 'revision_saved', trackingNumber: app.trackingNumber }];
  }
}
