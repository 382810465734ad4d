import type { SystemEvent } from '../../dialogue/types.js';
import type { EffectContext, EffectDeps, EffectOf } from './effect-deps.js';

/**
 * An upload the draft does not keep (refused, not asked for, replaced, or the draft abandoned):
 * marked discarded, and deleted by the discard sweep within minutes rather than left for the
 * orphan-upload sweep's days, since it is a citizen's personal document with no consent to keep
 * it. Not deleted here: this runs before the turn's new state is saved, and until then the stored
 * draft still names the file (a turn that fails to save must find it again).
 */
export async function discardDocument(
  deps: Pick<EffectDeps, 'documents'>,
  effect: EffectOf<'discard_document'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  if (effect.documentId) await deps.documents.discard(effect.documentId, msg.at);
  return [];
}
