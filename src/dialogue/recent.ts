import type { Ctx } from './context.js';
import { maskDigits } from './handoff.js';
import type { CitizenInput, RecentLine, Reply } from './types.js';

/** How many lines of the bot conversation the state keeps for the officer who takes over. */
export const RECENT_KEPT = 20;
/** A line's longest text: enough for the officer to follow, small enough for every saved turn. */
const LINE_MAX = 300;

function clip(text: string): string {
  const masked = maskDigits(text.trim());
  return masked.length > LINE_MAX ? `${masked.slice(0, LINE_MAX - 1)}…` : masked;
}

function push(ctx: Ctx, line: RecentLine): void {
  if (!line.text) return;
  ctx.state.recent = [...(ctx.state.recent ?? []), line].slice(-RECENT_KEPT);
}

/**
 * What the citizen sent, in words: a pressed button is its label (never the option's value, an
 * internal code), a file only as a file: a refused file leaves no trace of its name, and an
 * accepted one is listed with the draft's documents. Long digit runs are masked, so no NIK is kept
 * whole.
 */
function citizenWords(ctx: Ctx, input: CitizenInput): string {
  switch (input.kind) {
    case 'text':
      return input.text;
    case 'choice':
      return ctx.prevMenu?.options.find((o) => o.value === input.value)?.label ?? '';
    case 'file':
      return `📎${input.caption ? ` ${input.caption}` : ''}`;
    case 'voice':
      return '🎤';
    case 'command':
      return `/${input.command}`;
  }
}

/** Keeps the citizen's message of this turn (bot mode only: in a handoff the ticket keeps them). */
export function recordCitizen(ctx: Ctx, input: CitizenInput): void {
  push(ctx, { from: 'citizen', text: clip(citizenWords(ctx, input)), at: ctx.at });
}

/** Keeps what the bot answered in this turn, each reply a line. */
export function recordReplies(ctx: Ctx, replies: readonly Reply[]): void {
  for (const r of replies) push(ctx, { from: 'bot', text: clip(r.text), at: ctx.at });
}

/** A stored ring that is not a list of lines (an old or damaged state) is dropped, not trusted. */
export function saneRecent(recent: unknown): RecentLine[] | undefined {
  if (!Array.isArray(recent)) return undefined;
  return recent
    .filter(
      (l): l is RecentLine =>
        typeof l === 'object' &&
        l !== null &&
        ((l as RecentLine).from === 'citizen' || (l as RecentLine).from === 'bot') &&
        typeof (l as RecentLine).text === 'string' &&
        typeof (l as RecentLine).at === 'string',
    )
    .slice(-RECENT_KEPT);
}
