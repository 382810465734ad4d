import type { Catalog } from '../catalog/catalog.js';
import { handleChoice } from './choice-input.js';
import { fromChannelCommand, runCommand } from './commands.js';
import type { Ctx, EngineOptions } from './context.js';
import { flush, note, t } from './context.js';
import { markDraft, resumedDraft } from './draft-expiry.js';
import { handleEvent } from './events.js';
import { handleFile } from './file-input.js';
import { handleHandoffInput } from './handoff-input.js';
import { followLanguage } from './language.js';
import { showMainMenu } from './menus.js';
import { answeredConfirmation } from './confirm.js';
import { sanePending } from './pending-action.js';
import { saneUndo, typedRestore } from './restore.js';
import { answerStatusProof } from './status-proof.js';
import { handleSurveyInput, isSurveyState } from './survey.js';
import { recordCitizen, recordReplies, saneRecent } from './recent.js';
import { handleText } from './text-input.js';
import { handleVoice } from './voice.js';
import type { ConversationState, Effect, Input, Lang, Reply, Understanding } from './types.js';

export type { EngineOptions } from './context.js';

/** What one turn produces: the next state, what to say, what the use cases should do. */
export interface StepResult {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
}

/** The dialogue engine bound to a catalog. */
export interface Engine {
  /** A new conversation: nothing asked, nothing consented. */
  initialState(lang?: Lang): ConversationState;
  /**
   * One turn. Pure and total: no I/O, no clock (time is `input.at`), never throws, never
   * mutates `state`. `understand` is called only when the text is not a plain answer.
   */
  step(state: ConversationState, input: Input, understand: (text: string) => Understanding): StepResult;
}

/** Said when even the reset menu cannot be rendered (a broken catalog): still not silence. */
const LAST_RESORT: Readonly<Record<Lang, string>> = {
  id: 'Maaf, terjadi kesalahan. Ketik *menu* untuk memulai lagi atau *petugas* untuk bicara dengan petugas.',
  en: 'Sorry, something went wrong. Type *menu* to start again or *petugas* to talk to an officer.',
};

const NOT_UNDERSTOOD: Understanding = {
  intent: 'out_of_scope',
  confidence: 0,
  service: null,
  candidates: [],
  entities: {},
};

function sanitize(state: ConversationState): ConversationState {
  const copy = structuredClone(state);
  if (copy.lang !== 'id' && copy.lang !== 'en') copy.lang = 'id';
  if (copy.mode !== 'bot' && copy.mode !== 'handoff') copy.mode = 'bot';
  if (typeof copy.misunderstood !== 'number' || !Number.isFinite(copy.misunderstood)) copy.misunderstood = 0;
  if (copy.consent !== true && copy.consent !== false) copy.consent = null;
  if (!sanePending(copy.confirming, copy.mode)) delete copy.confirming;
  if (!saneUndo(copy.undo)) delete copy.undo;
  if (copy.survey !== undefined && (!isSurveyState(copy.survey) || copy.mode !== 'bot'))
    copy.survey = undefined;
  const recent = saneRecent(copy.recent);
  if (recent) copy.recent = recent;
  else delete copy.recent;
  return copy;
}

function newCtx(
  catalog: Catalog,
  opts: EngineOptions,
  state: ConversationState,
  at: string,
  understand: (text: string) => Understanding,
): Ctx {
  // One reading per text: the language and the handling of a message both ask for it.
  let last: { text: string; reading: Understanding } | undefined;
  const safeUnderstand = (text: string): Understanding => {
    if (last?.text === text) return last.reading;
    let reading: Understanding;
    try {
      reading = understand(text);
    } catch {
      // A failing NLU must not cost the citizen the conversation: treat it as not understood.
      reading = NOT_UNDERSTOOD;
    }
    last = { text, reading };
    return reading;
  };
  return {
    catalog,
    opts,
    state,
    at,
    understand: safeUnderstand,
    prevMenu: state.menu,
    replies: [],
    effects: [],
    pending: [],
  };
}

/** The status question is open for one message only: whatever else comes drops it. */
function answeredStatusProof(ctx: Ctx, input: Input): boolean {
  const waiting = ctx.state.statusProof;
  if (!waiting) return false;
  ctx.state.statusProof = undefined;
  return input.kind === 'text' && answerStatusProof(ctx, waiting, input.text);
}

function dispatch(ctx: Ctx, input: Input): void {
  switch (input.kind) {
    case 'text':
    case 'choice':
    case 'file':
    case 'voice':
    case 'command':
      if (ctx.state.mode === 'handoff') {
        // An open question (a complaint, "hapus data saya?") is answered first here too.
        if (answeredConfirmation(ctx, input)) return;
        handleHandoffInput(ctx, input);
        return;
      }
      // Before handling, so a handoff opened by this message hands it over too.
      recordCitizen(ctx, input);
      if (answeredConfirmation(ctx, input)) return;
      if (typedRestore(ctx, input)) return;
      if (resumedDraft(ctx, input)) return;
      if (answeredStatusProof(ctx, input)) return;
      if (ctx.state.survey && handleSurveyInput(ctx, input)) return;
      if (input.kind === 'text') {
        followLanguage(ctx, input.text.trim());
        handleText(ctx, input.text);
      } else if (input.kind === 'choice') handleChoice(ctx, input.value);
      else if (input.kind === 'file') handleFile(ctx, input.file);
      else if (input.kind === 'voice') handleVoice(ctx, input.file);
      else runCommand(ctx, fromChannelCommand(input.command));
      return;
    default:
      handleEvent(ctx, input);
  }
}

/**
 * Builds the engine. `opts.uploadMaxBytes` is the size limit for document steps that set none.
 * A bug inside a turn becomes an apology and the main menu in the citizen's language, with the
 * conversation reset (consent and language kept), rather than an exception in the adapter.
 */
export function createEngine(catalog: Catalog, opts: EngineOptions): Engine {
  const initialState = (lang: Lang = 'id'): ConversationState => ({
    lang,
    consent: null,
    mode: 'bot',
    misunderstood: 0,
  });

  const recover = (state: ConversationState, at: string): StepResult => {
    const lang: Lang = state?.lang === 'en' ? 'en' : 'id';
    const fresh = initialState(lang);
    fresh.consent = state?.consent === true || state?.consent === false ? state.consent : null;
    try {
      const ctx = newCtx(catalog, opts, fresh, at, () => NOT_UNDERSTOOD);
      note(ctx, t(ctx, 'error.reset'));
      showMainMenu(ctx);
      flush(ctx);
      return { state: ctx.state, replies: ctx.replies, effects: [] };
    } catch {
      return { state: fresh, replies: [{ kind: 'text', text: LAST_RESORT[lang] }], effects: [] };
    }
  };

  const step = (
    state: ConversationState,
    input: Input,
    understand: (text: string) => Understanding,
  ): StepResult => {
    try {
      const ctx = newCtx(catalog, opts, sanitize(state), input.at, understand);
      const withBot = ctx.state.mode === 'bot';
      dispatch(ctx, input);
      markDraft(ctx, input);
      flush(ctx);
      // In a handoff the ticket's transcript is the record; the ring is the bot's side only.
      if (withBot) recordReplies(ctx, ctx.replies);
      return { state: ctx.state, replies: ctx.replies, effects: ctx.effects };
    } catch {
      return recover(state, typeof input?.at === 'string' ? input.at : '');
    }
  };

  return { initialState, step };
}
