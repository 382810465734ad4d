import { handleAction, stale } from './actions.js';
import { runCommand } from './commands.js';
import { complain } from './complaint.js';
import { askedFirst } from './confirm.js';
import type { Ctx } from './context.js';
import type { Target } from './flow-runner.js';
import { commit, currentTarget } from './flow-runner.js';
import {
  handleIntent,
  handleUnderstanding,
  INTERRUPT_CONFIDENCE,
  INTERRUPTING,
  LOW_CONFIDENCE,
  notUnderstood,
} from './global-intents.js';
import { keywordCommand, parseYesNo } from './keywords.js';
import type { MenuMatch } from './menu-match.js';
import { matchMenu } from './menu-match.js';
import { YES_NO_MENUS } from './menus.js';
import { presentCurrent } from './present.js';
import type { ConversationState, Understanding } from './types.js';
import { typedAnswer } from './validate.js';

type Menu = NonNullable<ConversationState['menu']>;

/** Typed text against a menu: yes/no for yes/no menus ("ya" confirms a summary), then number or label. */
function pickTyped(menu: Menu, text: string, loose: boolean): MenuMatch {
  const yes = parseYesNo(text);
  if (yes !== undefined && YES_NO_MENUS.has(menu.id)) {
    const option = menu.options[yes ? 0 : 1];
    if (option) return { kind: 'match', option };
  }
  if (yes === true && menu.id === 'summary' && menu.options[0])
    return { kind: 'match', option: menu.options[0] };
  return matchMenu(menu.options, text, { loose });
}

function isStepMenu(menu: Menu): boolean {
  return menu.id.startsWith('step:') || menu.id.startsWith('kelurahan:');
}

/**
 * Text while a step is open: tried as the answer first; only a refused answer lets a menu shown
 * on top ("Maksud Anda ...?") or a confident global intent take over. A free-text step takes
 * almost anything, so a clear complaint is checked before it. A reading that would cancel the
 * draft, complain or call an officer is asked about first unless it is sure (confirm.ts); since
 * asking loses nothing, it is asked from a lower confidence than other intents interrupt at.
 */
function answerStep(ctx: Ctx, target: Target, text: string): void {
  if (target.step.kind === 'text') {
    const u = ctx.understand(text);
    if (u.intent === 'complaint' && u.confidence >= INTERRUPT_CONFIDENCE) {
      if (!askedFirst(ctx, u)) complain(ctx, u.service);
      return;
    }
  }
  const attempt = typedAnswer(ctx, target.flow.id, target.step, text);
  if (attempt.kind !== 'invalid') {
    commit(ctx, target, attempt);
    return;
  }
  const menu = ctx.prevMenu;
  if (menu && !isStepMenu(menu)) {
    const m = pickTyped(menu, text, false);
    if (m.kind === 'match') {
      handleAction(ctx, m.option.value);
      return;
    }
  }
  const u = ctx.understand(text);
  if (u.confidence >= LOW_CONFIDENCE && askedFirst(ctx, u)) return;
  if (u.confidence >= INTERRUPT_CONFIDENCE && INTERRUPTING.has(u.intent)) {
    handleIntent(ctx, u.intent, u.service, u.entities);
    return;
  }
  commit(ctx, target, attempt);
}

/** Intents that are about one service. */
const SERVICE_INTENTS: ReadonlySet<string> = new Set([
  'apply',
  'ask_requirements',
  'ask_cost',
  'ask_duration',
]);

/**
 * A reading that names no service while it needs one ("ajukan" under "Mau mengajukan KK
 * sekarang?"): the menu on screen says more than the NLU does, so a loose match on it wins.
 */
function needsService(u: Understanding): boolean {
  return u.service === null && SERVICE_INTENTS.has(u.intent);
}

/**
 * A typed message in bot mode. Order: whole-message commands ("batal", "menu"), the open step,
 * the menu on screen (exact number or label first, a confident NLU reading next, then a loose
 * label match), and finally the NLU.
 */
export function handleText(ctx: Ctx, typed: string): void {
  const text = typed.trim();
  const command = keywordCommand(text);
  if (command) {
    runCommand(ctx, command);
    return;
  }
  if (!text) {
    notUnderstood(ctx);
    return;
  }
  const target = currentTarget(ctx);
  if (target) {
    answerStep(ctx, target, text);
    return;
  }
  const at = ctx.state.flow?.at;
  if (at && 'phase' in at && at.phase === 'confirm') {
    presentCurrent(ctx);
    return;
  }
  const menu = ctx.prevMenu;
  if (!menu) {
    if (/^\d{1,3}$/.test(text)) stale(ctx);
    else handleUnderstanding(ctx, ctx.understand(text));
    return;
  }
  const exact = pickTyped(menu, text, false);
  if (exact.kind === 'match') {
    handleAction(ctx, exact.option.value);
    return;
  }
  if (exact.kind === 'out_of_range') {
    stale(ctx);
    return;
  }
  const u = ctx.understand(text);
  if (u.confidence < INTERRUPT_CONFIDENCE || u.intent === 'out_of_scope' || needsService(u)) {
    const near = pickTyped(menu, text, true);
    if (near.kind === 'match') {
      handleAction(ctx, near.option.value);
      return;
    }
  }
  handleUnderstanding(ctx, u);
}
