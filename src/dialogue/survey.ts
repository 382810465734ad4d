import { isSkmScore, SKM_SCORES, type SkmScore } from '../domain/skm.js';
import type { Ctx } from './context.js';
import { emit, note, sayMenu, t } from './context.js';
import { INTERRUPT_CONFIDENCE } from './global-intents.js';
import { endHandoff, maskDigits } from './handoff.js';
import { keywordCommand } from './keywords.js';
import { matchMenu } from './menu-match.js';
import { loose } from './normalize.js';
import { presentCurrent } from './present.js';
import type { CitizenInput, MenuOption } from './types.js';

/** Menu ids of the survey, so a dropped survey's menu is not matched against later text. */
const SURVEY_MENUS: ReadonlySet<string> = new Set(['survey', 'survey_comment']);

const SKIP_VALUE = 'survey:skip';

/** Longest comment kept: a remark, not a letter. */
const MAX_COMMENT = 500;

/** Words that answer the question without its number, in both languages (the regulation's wording). */
const SCORE_WORDS: Readonly<Record<string, SkmScore>> = {
  'tidak puas': 1,
  'tidak baik': 1,
  'gak puas': 1,
  buruk: 1,
  'not satisfied': 1,
  unsatisfied: 1,
  bad: 1,
  kurang: 2,
  'kurang puas': 2,
  'kurang baik': 2,
  'less satisfied': 2,
  fair: 2,
  puas: 3,
  baik: 3,
  satisfied: 3,
  good: 3,
  'sangat puas': 4,
  'sangat baik': 4,
  'very satisfied': 4,
  'very good': 4,
  excellent: 4,
};

/** Replies to the comment question that mean "no comment". */
const NO_COMMENT: ReadonlySet<string> = new Set([
  'lewati',
  'lewat',
  'skip',
  'tidak',
  'tidak ada',
  'gak',
  'gak ada',
  'ga ada',
  'nggak',
  'no',
  'none',
  'nothing',
  '-',
]);

/**
 * Readings that mean the citizen moved on: a question about a service, a status check, a new
 * request for an officer, a complaint. Greetings and thanks can be a comment ("terima kasih").
 */
const MOVING_ON: ReadonlySet<string> = new Set([
  'cancel',
  'talk_to_officer',
  'check_status',
  'complaint',
  'apply',
  'list_services',
  'ask_requirements',
  'ask_cost',
  'ask_duration',
  'office_info',
]);

function scoreOptions(ctx: Ctx): MenuOption[] {
  return SKM_SCORES.map((s) => ({ value: `survey:${s}`, label: t(ctx, `survey.score_${s}`) }));
}

/** Whether a stored survey state is one this engine wrote (a stored state is not trusted blindly). */
export function isSurveyState(s: unknown): boolean {
  if (typeof s !== 'object' || s === null) return false;
  const v = s as { ticketId?: unknown; stage?: unknown; score?: unknown };
  if (typeof v.ticketId !== 'string') return false;
  return v.stage === 'score' || (v.stage === 'comment' && isSkmScore(v.score));
}

/**
 * After an officer closed the conversation: one question on the SKM scale as a numbered menu.
 * Answering is optional; whatever else the citizen sends is handled as usual.
 */
export function askSurvey(ctx: Ctx, ticketId: string): void {
  ctx.state.survey = { ticketId, stage: 'score' };
  sayMenu(ctx, 'survey', t(ctx, 'survey.question'), scoreOptions(ctx));
}

/** An officer closed a conversation they served: back to the bot, and the satisfaction question. */
export function closeWithSurvey(ctx: Ctx, ticketId: string): void {
  endHandoff(ctx, true);
  askSurvey(ctx, ticketId);
}

function scoreOf(ctx: Ctx, input: CitizenInput): SkmScore | undefined {
  if (input.kind === 'choice') {
    const n = Number(input.value.replace(/^survey:/, ''));
    return input.value.startsWith('survey:') && isSkmScore(n) ? n : undefined;
  }
  if (input.kind !== 'text') return undefined;
  const m = matchMenu(scoreOptions(ctx), input.text, { loose: false });
  if (m.kind === 'match') return Number(m.option.value.slice('survey:'.length)) as SkmScore;
  return SCORE_WORDS[loose(input.text)];
}

function finish(ctx: Ctx): void {
  ctx.state.survey = undefined;
  note(ctx, t(ctx, 'survey.thanks'));
  presentCurrent(ctx);
}

/** What a reply to the comment question is: a comment, "no comment", or something else. */
type CommentReply = { kind: 'comment'; text: string } | { kind: 'skip' } | undefined;

function commentOf(ctx: Ctx, input: CitizenInput): CommentReply {
  if (input.kind === 'choice') return input.value === SKIP_VALUE ? { kind: 'skip' } : undefined;
  if (input.kind !== 'text') return undefined;
  const text = input.text.trim();
  const skip = matchMenu([{ value: SKIP_VALUE, label: t(ctx, 'survey.skip') }], text, { loose: false });
  if (skip.kind === 'match' || NO_COMMENT.has(loose(text))) return { kind: 'skip' };
  if (!text || /^\d{1,3}$/.test(text)) return undefined;
  const u = ctx.understand(text);
  if (u.entities.trackingNumber) return undefined;
  if (u.confidence >= INTERRUPT_CONFIDENCE && MOVING_ON.has(u.intent)) return undefined;
  return { kind: 'comment', text: maskDigits(text).slice(0, MAX_COMMENT) };
}

/**
 * A message while the survey is open. Returns whether it was an answer; otherwise the survey is
 * dropped (and its menu forgotten) so the caller handles the message as if it was never asked.
 */
export function handleSurveyInput(ctx: Ctx, input: CitizenInput): boolean {
  const survey = ctx.state.survey;
  if (!survey) return false;
  const command = input.kind === 'command' || (input.kind === 'text' && keywordCommand(input.text));
  if (!command && survey.stage === 'score') {
    const score = scoreOf(ctx, input);
    if (score !== undefined) {
      emit(ctx, { kind: 'record_satisfaction', ticketId: survey.ticketId, score });
      ctx.state.survey = { ticketId: survey.ticketId, stage: 'comment', score };
      sayMenu(ctx, 'survey_comment', t(ctx, 'survey.comment_ask'), [
        { value: SKIP_VALUE, label: t(ctx, 'survey.skip') },
      ]);
      return true;
    }
  }
  if (!command && survey.stage === 'comment') {
    const reply = commentOf(ctx, input);
    if (reply) {
      if (reply.kind === 'comment') {
        const { ticketId, score } = survey;
        emit(ctx, { kind: 'record_satisfaction', ticketId, score, comment: reply.text });
      }
      finish(ctx);
      return true;
    }
  }
  ctx.state.survey = undefined;
  if (ctx.prevMenu && SURVEY_MENUS.has(ctx.prevMenu.id)) ctx.prevMenu = undefined;
  return false;
}
