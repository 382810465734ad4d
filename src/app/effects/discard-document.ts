import type { SystemEvent } from '../../dialogue/types.js';
import type { EffectContext, EffectDeps, EffectOf } from './effect-deps.js';

/**
 * An upload the draft does not keep (refused, not asked for, replaced, or the draft abandoned):
 * deleted now rather than left for the orphan-upload sweep, since it is a citizen's personal
 * document with no consent to keep it.
 */
export async function discardDocument(
  deps: Pick<EffectDeps, 'documents'>,
  effect: EffectOf<'discard_document'>,
  _ctx: EffectContext,
): Promise<SystemEvent[]> {
  if (effect.documentId) await deps.documents.delete(effect.documentId);
  return [];
}
