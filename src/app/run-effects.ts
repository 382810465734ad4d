import type { SystemEvent } from '../dialogue/types.js';
import type { EffectRunner } from './handle-inbound.js';
import { cancelHandoff } from './effects/cancel-handoff.js';
import { discardDocument } from './effects/discard-document.js';
import type { EffectContext, EffectDeps } from './effects/effect-deps.js';
import { lookupStatus } from './effects/lookup-status.js';
import { openHandoff } from './effects/open-handoff.js';
import { recordConsent } from './effects/record-consent.js';
import { recordSatisfaction } from './effects/record-satisfaction.js';
import { relayToOfficer } from './effects/relay-to-officer.js';
import { requestDeletion } from './effects/request-deletion.js';
import { saveRevision } from './effects/save-revision.js';
import { showMyData } from './effects/show-my-data.js';
import { submitApplication } from './effects/submit-application.js';

export type { EffectDeps } from './effects/effect-deps.js';

/**
 * The use cases behind the engine's effects: each effect kind has its own module under
 * `effects/` (named after it); this only picks the one an effect names. A new effect kind fails
 * to compile here until it has one.
 */
export function makeEffectRunner(deps: EffectDeps): EffectRunner {
  return {
    run(effect, ctx: EffectContext): Promise<SystemEvent[]> {
      switch (effect.kind) {
        case 'submit_application':
          return submitApplication(deps, effect, ctx);
        case 'lookup_status':
          return lookupStatus(deps, effect, ctx);
        case 'open_handoff':
          return openHandoff(deps, effect, ctx);
        case 'relay_to_officer':
          return relayToOfficer(deps, effect, ctx);
        case 'cancel_handoff':
          return cancelHandoff(deps, effect, ctx);
        case 'discard_document':
          return discardDocument(deps, effect, ctx);
        case 'save_revision':
          return saveRevision(deps, effect, ctx);
        case 'record_consent':
          return recordConsent(deps, effect, ctx);
        case 'record_satisfaction':
          return recordSatisfaction(deps, effect, ctx);
        case 'show_my_data':
          return showMyData(deps, effect, ctx);
        case 'request_deletion':
          return requestDeletion(deps, effect, ctx);
      }
    },
  };
}
