import type { SystemEvent } from '../../dialogue/types.js';
import type { Actor, Application } from '../../domain/application.js';
import type { NewApplication, PendingEffect } from '../../ports/application-repository.js';
import { completeEffectsNow } from '../application-effects.js';
import type { Flow } from '../../catalog/flow-schema.js';
import { generateTrackingNumber } from '../../domain/tracking-number.js';
import { slaDueAt } from '../calendar.js';
import { servingOffice } from '../office-routing.js';
import type { InboundMessage } from '../inbound.js';
import {
  citizenOf,
  documentRefOf,
  type EffectContext,
  type EffectDeps,
  type EffectOf,
} from './effect-deps.js';

type Deps = Pick<
  EffectDeps,
  | 'catalog'
  | 'applications'
  | 'documents'
  | 'events'
  | 'logger'
  | 'trackingPrefix'
  | 'holidays'
  | 'random'
  | 'offices'
  | 'holidayStore'
  | 'citizenActorId'
>;

/**
 * The citizen confirmed the summary: store the application with a fresh tracking number, keep
 * its uploads, and log it (both follow-ups of the one write that stores it). The engine tells the citizen the tracking number and due date, or that
 * the submission failed (nothing is lost: the draft stays, and they can confirm again).
 */
export async function submitApplication(
  deps: Deps,
  effect: EffectOf<'submit_application'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const flow = deps.catalog.flows.get(effect.draft.serviceId);
  if (!flow) return [{ kind: 'submit_failed' }];
  try {
    const asked = String(effect.draft.answers[flow.applicant.office] ?? '');
    const serving = await servingOffice(deps.offices, asked, flow.id);
    const dueAt = await slaDueAt(deps, flow, serving.officeId, msg.at, serving.chain);
    // Keeping its uploads (attached: no longer pending, so the orphan-upload sweep keeps them) and
    // the audit event are follow-ups stored with the new application, reconciled after a crash.
    const submitted = (app: Application): PendingEffect[] => [
      {
        id: `submitted:${app.id}`,
        at: msg.at,
        audit: {
          type: 'application.submitted',
          applicationId: app.id,
          trackingNumber: app.trackingNumber,
          officeId: app.officeId,
          actor: citizenOf(deps, msg),
          at: msg.at,
          data: { serviceId: app.serviceId, channel: msg.channel },
        },
        ...(app.documents.length > 0 ? { attachDocuments: app.documents.map((d) => d.id) } : {}),
      },
    ];
    const app = await deps.applications.create(
      newApplication(flow, effect.draft, msg, {
        officeId: serving.officeId,
        dueAt,
        by: citizenOf(deps, msg),
      }),
      () => generateTrackingNumber({ prefix: deps.trackingPrefix, at: msg.at, random: deps.random }),
      // A redelivered confirmation (crash before the message was marked done) finds the first one.
      { idempotencyKey: `${msg.channel}:${msg.chatId}:${msg.messageId}`, effects: submitted },
    );
    await completeEffectsNow(deps, app.id, submitted(app));
    const routed =
      serving.routedFrom && serving.office
        ? { routedFrom: serving.routedFrom.name, routedTo: serving.office.name }
        : {};
    return [
      { kind: 'submitted', trackingNumber: app.trackingNumber, dueAt: app.slaDueAt.toISOString(), ...routed },
    ];
  } catch (err) {
    deps.logger.error({ err, serviceId: flow.id }, 'submit failed');
    return [{ kind: 'submit_failed' }];
  }
}

/**
 * The draft as a new application: the flow names which answers are the applicant's and the
 * office; the caller picks the office that serves it and reads that office's calendar.
 */
function newApplication(
  flow: Flow,
  draft: EffectOf<'submit_application'>['draft'],
  msg: InboundMessage,
  { officeId, dueAt, by }: { officeId: string; dueAt: Date; by: Actor },
): NewApplication {
  const a = draft.answers;
  const str = (k: string) => (a[k] === undefined || a[k] === null ? '' : String(a[k]));
  const phone = str(flow.applicant.phone);
  return {
    serviceId: flow.id,
    applicant: {
      name: str(flow.applicant.name),
      nik: str(flow.applicant.nik),
      ...(phone ? { phone } : {}),
      contact: { channel: msg.channel, chatId: msg.chatId },
    },
    answers: a,
    documents: Object.entries(draft.documents).flatMap(([stepId, files]) =>
      files.map((f) => documentRefOf(stepId, f, msg.at)),
    ),
    officeId,
    status: 'SUBMITTED',
    statusHistory: [{ from: null, to: 'SUBMITTED', at: msg.at, by }],
    createdAt: msg.at,
    updatedAt: msg.at,
    slaDueAt: dueAt,
  };
}
