import type { Catalog } from '../catalog/catalog.js';
import { text as render } from './render.js';
import type { Params } from './render.js';
import type { ConversationState, Effect, MenuOption, Reply, Understanding } from './types.js';

/** Options the engine takes from configuration. */
export interface EngineOptions {
  /** UPLOAD_MAX_BYTES: the limit for document steps that set no `max_bytes`. */
  uploadMaxBytes: number;
}

/**
 * One turn's working set. Handlers write to `state` (a private copy of the caller's state, so
 * the input is never mutated) and append replies and effects; nothing here does I/O.
 */
export interface Ctx {
  readonly catalog: Catalog;
  readonly opts: EngineOptions;
  state: ConversationState;
  /** ISO time of the input: the engine's only clock. */
  readonly at: string;
  readonly understand: (text: string) => Understanding;
  /**
   * The menu shown before this turn, for matching "2" or a typed label. Cleared when that menu
   * is set aside (a satisfaction question the citizen answered with something else).
   */
  prevMenu: ConversationState['menu'];
  replies: Reply[];
  effects: Effect[];
  /** Lines said before the next reply, so one turn reads as one message, not five. */
  pending: string[];
}

/** A message in the citizen's language. */
export function t(ctx: Ctx, keys: string | readonly string[], params?: Params): string {
  return render(ctx.catalog, ctx.state.lang, keys, params);
}

/** Queues a line to open the next reply. */
export function note(ctx: Ctx, line: string): void {
  if (line) ctx.pending.push(line);
}

function withPending(ctx: Ctx, body: string): string {
  const all = [...ctx.pending, body].filter(Boolean).join('\n\n');
  ctx.pending = [];
  return all;
}

/** A text reply. Clears the remembered menu: a later "2" no longer points into it. */
export function say(ctx: Ctx, body: string): void {
  ctx.replies.push({ kind: 'text', text: withPending(ctx, body) });
  ctx.state.menu = undefined;
}

/** A menu reply; remembered in the state so the citizen can answer with its number or text. */
export function sayMenu(ctx: Ctx, id: string, body: string, options: MenuOption[]): void {
  ctx.replies.push({ kind: 'menu', text: withPending(ctx, body), options });
  ctx.state.menu = { id, options };
}

/** A request for a file upload. */
export function sayDocumentRequest(ctx: Ctx, body: string, accept: string[], maxBytes: number): void {
  ctx.replies.push({ kind: 'document_request', text: withPending(ctx, body), accept, maxBytes });
  ctx.state.menu = undefined;
}

/** Says whatever lines are still queued, at the end of a turn. */
export function flush(ctx: Ctx): void {
  if (ctx.pending.length > 0) {
    ctx.replies.push({ kind: 'text', text: withPending(ctx, '') });
  }
}

/** Queues an effect for the use cases. */
export function emit(ctx: Ctx, effect: Effect): void {
  ctx.effects.push(effect);
}
