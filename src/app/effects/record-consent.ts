import type { SystemEvent } from '../../dialogue/types.js';
import { citizenOf, type EffectContext, type EffectDeps, type EffectOf } from './effect-deps.js';

/** The citizen gave or refused consent to the processing of their data: the audit log keeps which, and when. */
export async function recordConsent(
  deps: Pick<EffectDeps, 'events' | 'citizenActorId'>,
  effect: EffectOf<'record_consent'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  await deps.events.append({
    type: effect.given ? 'consent.given' : 'consent.refused',
    actor: citizenOf(deps, msg),
    at: msg.at,
  });
  return [];
}
