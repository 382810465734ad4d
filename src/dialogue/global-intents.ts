import { cancelAll } from './commands.js';
import { complain } from './complaint.js';
import { askedFirst } from './confirm.js';
import type { Ctx } from './context.js';
import { note, sayMenu, t } from './context.js';
import { OFFER_OFFICER_AFTER, startFlow } from './flow-runner.js';
import { flowOf, serviceName } from './flow-steps.js';
import { openHandoff } from './handoff.js';
import { answerInfo } from './info.js';
import { LABELLED_INTENTS } from './message-keys.js';
import { askWhichService, offerOfficer, showMainMenu } from './menus.js';
import { encode } from './menu-values.js';
import { answerThenResume, busy, presentCurrent } from './present.js';
import { privacyRequest } from './privacy.js';
import { requestStatus } from './status.js';
import type { MenuOption, Understanding } from './types.js';

/** Below this the NLU is guessing: ask which of its candidates was meant. */
export const LOW_CONFIDENCE = 0.5;

/** Inside a step, only a reading this sure may override "it is an answer that did not fit". */
export const INTERRUPT_CONFIDENCE = 0.7;

/** Intents that make sense in the middle of a flow; the others would lose the citizen's place. */
export const INTERRUPTING: ReadonlySet<string> = new Set([
  'cancel',
  'talk_to_officer',
  'check_status',
  'complaint',
  'ask_requirements',
  'ask_cost',
  'ask_duration',
  'office_info',
  'greeting',
  'thanks',
  'my_data',
  'delete_my_data',
]);

const CLARIFIABLE: ReadonlySet<string> = new Set(LABELLED_INTENTS);

/** Never interrupted by a tracking number: "petugas minta uang, nomor PTSP-..." is a complaint first. */
const BEFORE_STATUS: ReadonlySet<string> = new Set(['complaint', 'talk_to_officer', 'cancel']);

/** A message the bot did not understand; the second in a row offers an officer. */
export function notUnderstood(ctx: Ctx): void {
  ctx.state.misunderstood += 1;
  if (ctx.state.misunderstood >= OFFER_OFFICER_AFTER) {
    if (busy(ctx)) {
      note(ctx, t(ctx, 'not_understood'));
      note(ctx, t(ctx, 'officer_offer.hint'));
      presentCurrent(ctx);
    } else offerOfficer(ctx);
    return;
  }
  note(ctx, t(ctx, 'not_understood'));
  presentCurrent(ctx);
}

/** "Syarat KTP-el", "Cek status permohonan": a candidate intent as a menu line. */
function intentLabel(ctx: Ctx, intent: string, service: string | null): string {
  const name = service && flowOf(ctx, service) ? serviceName(ctx, service) : t(ctx, 'word.a_service');
  return t(ctx, `intent_label.${intent}`, { service: name });
}

function clarify(ctx: Ctx, u: Understanding): void {
  const seen = new Set<string>();
  const options: MenuOption[] = [];
  for (const c of u.candidates) {
    const service = c.service && flowOf(ctx, c.service) ? c.service : null;
    const value = encode({ kind: 'intent', intent: c.intent, service });
    if (!CLARIFIABLE.has(c.intent) || seen.has(value) || options.length >= 3) continue;
    seen.add(value);
    options.push({ value, label: intentLabel(ctx, c.intent, service) });
  }
  if (options.length === 0 || ctx.state.misunderstood + 1 >= OFFER_OFFICER_AFTER) {
    notUnderstood(ctx);
    return;
  }
  ctx.state.misunderstood += 1;
  options.push({ value: encode({ kind: 'menu' }), label: t(ctx, 'clarify.none') });
  sayMenu(ctx, 'clarify', t(ctx, 'clarify.text'), options);
}

/** What one understood intent does; the same whether it came from the NLU or a clarifying menu. */
export function handleIntent(
  ctx: Ctx,
  intent: string,
  service: string | null,
  entities: Understanding['entities'] = {},
): void {
  const known = service && flowOf(ctx, service) ? service : null;
  if (intent !== 'out_of_scope')
    ctx.state.misunderstood = intent === 'talk_to_officer' ? ctx.state.misunderstood : 0;
  switch (intent) {
    case 'greeting':
      note(ctx, t(ctx, 'greeting'));
      presentCurrent(ctx);
      return;
    case 'list_services':
      showMainMenu(ctx);
      return;
    case 'apply':
      if (known) startFlow(ctx, known);
      else askWhichService(ctx, (s) => ({ kind: 'apply', service: s }));
      return;
    case 'ask_requirements':
    case 'ask_cost':
    case 'ask_duration':
    case 'office_info':
      answerInfo(ctx, intent, known);
      return;
    case 'check_status':
      requestStatus(ctx, entities.trackingNumber);
      return;
    case 'talk_to_officer':
      openHandoff(ctx, 'asked');
      return;
    case 'cancel':
      cancelAll(ctx);
      return;
    case 'complaint':
      complain(ctx, known);
      return;
    case 'thanks':
      answerThenResume(ctx, t(ctx, 'thanks'));
      return;
    case 'my_data':
    case 'delete_my_data':
      privacyRequest(ctx, intent);
      return;
    default:
      notUnderstood(ctx);
  }
}

/**
 * Free text that is no answer to anything open: a tracking number checks status, a confident
 * intent is acted on, a guess becomes a clarifying menu. Within a flow only intents that keep
 * the citizen's place are taken.
 */
export function handleUnderstanding(ctx: Ctx, u: Understanding): void {
  if (u.entities.trackingNumber && !BEFORE_STATUS.has(u.intent)) {
    requestStatus(ctx, u.entities.trackingNumber);
    return;
  }
  if (u.confidence < LOW_CONFIDENCE) {
    if (busy(ctx)) notUnderstood(ctx);
    else clarify(ctx, u);
    return;
  }
  if (busy(ctx) && !INTERRUPTING.has(u.intent)) {
    notUnderstood(ctx);
    return;
  }
  if (askedFirst(ctx, u)) return;
  handleIntent(ctx, u.intent, u.service, u.entities);
}
