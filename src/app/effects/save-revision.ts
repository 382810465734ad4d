import type { SystemEvent } from '../../dialogue/types.js';
import type { Applicant, Application, AnswerValue } from '../../domain/application.js';
import { changeStatus } from '../../domain/status.js';
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
 * one, and the application goes back to the officer (IN_REVIEW). Ignored (the engine says nothing)
 * when the application no longer waits for that step's correction, e.g. an officer moved it on.
 */
export async function saveRevision(
  deps: Pick<EffectDeps, 'applications' | 'documents' | 'events' | 'catalog'>,
  effect: Revision,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const app = await deps.applications.findByTrackingNumber(effect.trackingNumber);
  if (!app || app.status !== 'NEEDS_REVISION' || app.revision?.stepId !== effect.stepId) return [];
  const answers: Record<string, AnswerValue> = { ...app.answers };
  let documents = app.documents;
  if (effect.file) {
    documents = [
      ...documents.filter((d) => d.stepId !== effect.stepId),
      documentRefOf(effect.stepId, effect.file, msg.at),
    ];
    // The replaced upload goes: only the corrected one is the application's.
    for (const d of app.documents.filter((d) => d.stepId === effect.stepId))
      await deps.documents.delete(d.id);
  } else if (effect.value !== undefined) {
    answers[effect.stepId] = effect.value;
  }
  const { applicant, officeId } = corrected(deps, app, effect);
  const actor = citizenOf(msg);
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
