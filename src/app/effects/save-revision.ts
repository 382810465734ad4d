import type { SystemEvent } from '../../dialogue/types.js';
import type { Applicant, Application, AnswerValue } from '../../domain/application.js';
import { changeStatus } from '../../domain/status.js';
import type { PendingEffect } from '../../ports/application-repository.js';
import { completeEffectsNow } from '../application-effects.js';
import {
  citizenOf,
  documentRefOf,
  type EffectContext,
  type EffectDeps,
  type EffectOf,
} from './effect-deps.js';

type Revision = EffectOf<'save_revision'>;

/**
 * The citizen sent the correction an officer asked for: the answer or document replaces the old
 * one, and the application goes back to the officer (IN_REVIEW). The audit event, marking the new
 * file attached and deleting the replaced one are follow-ups of that save (reconciled after a crash). Ignored (the engine says nothing)
 * when the application no longer waits for that step's correction, e.g. an officer moved it on.
 */
export async function saveRevision(
  deps: Pick<EffectDeps, 'applications' | 'documents' | 'events' | 'catalog' | 'citizenActorId'>,
  effect: Revision,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const app = await deps.applications.findByTrackingNumber(effect.trackingNumber);
  if (!app || app.status !== 'NEEDS_REVISION' || app.revision?.stepId !== effect.stepId) return [];
  const answers: Record<string, AnswerValue> = { ...app.answers };
  let documents = app.documents;
  // The replaced upload goes, but only once the application without it is saved: a save that
  // fails keeps the old one, which the application still lists.
  let replaced: string[] = [];
  if (effect.file) {
    replaced = app.documents.filter((d) => d.stepId === effect.stepId).map((d) => d.id);
    documents = [
      ...documents.filter((d) => d.stepId !== effect.stepId),
      documentRefOf(effect.stepId, effect.file, msg.at),
    ];
  } else if (effect.value !== undefined) {
    answers[effect.stepId] = effect.value;
  }
  const { applicant, officeId } = corrected(deps, app, effect);
  const actor = citizenOf(deps, msg);
  const updated = changeStatus({ ...app, applicant, officeId, answers, documents }, 'IN_REVIEW', {
    by: actor,
    at: msg.at,
    note: `perbaikan: ${effect.stepId}`,
  });
  const followUp: PendingEffect = {
    id: `revision:${app.id}:${app.version + 1}`,
    at: msg.at,
    audit: {
      type: 'application.revised',
      applicationId: app.id,
      trackingNumber: app.trackingNumber,
      officeId: app.officeId,
      actor,
      at: msg.at,
      data: { stepId: effect.stepId },
    },
    ...(effect.file ? { attachDocuments: [effect.file.documentId] } : {}),
    ...(replaced.length > 0 ? { deleteDocuments: replaced } : {}),
  };
  await deps.applications.save(updated, app.version, { effects: [followUp] });
  await completeEffectsNow(deps, app.id, [followUp]);
  return [{ kind: 'revision_saved', trackingNumber: app.trackingNumber }];
}

/**
 * A fixed name, NIK, phone or kelurahan is also the applicant's and the routing: the officer
 * list, the masked NIK and the office must show the corrected value, not the old one.
 */
function corrected(
  deps: Pick<EffectDeps, 'catalog'>,
  app: Application,
  effect: Revision,
): { applicant: Applicant; officeId: string } {
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
  return { applicant, officeId };
}
