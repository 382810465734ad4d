/**
 * The conversation checks of one citizen's chat against the golden conversation (the same
 * script played with nothing broken): which expected replies never came, came twice, came out
 * of order, and which messages got no answer at all. Pure, so it is tested on its own.
 */
import type { CitizenRecord } from './citizen.js';
import { STATUS_NOTICE, TROUBLE, normalise } from './script.js';

/** Replies per turn of the undisturbed conversation, normalised. */
export type Golden = string[][];

/** What one chat shows. */
export interface ChatFindings {
  sent: number;
  answered: number;
  lost: number;
  duplicated: number;
  /** Expected replies that came after a later one, plus replies the conversation never has. */
  outOfOrder: number;
  /** Replies in the expected conversation (the base of the duplicate share). */
  replies: number;
}

/** The conversation replies of a chat, in order: trouble notices and status notices left out. */
export function conversationReplies(r: CitizenRecord): string[] {
  return r.replies.filter((t) => !TROUBLE.test(t) && !STATUS_NOTICE.test(t)).map((t) => normalise(t, r.data));
}

/** The golden replies per turn from an undisturbed citizen's record. */
export function goldenOf(r: CitizenRecord): Golden {
  const turns: string[][] = [];
  r.sent.forEach((s, i) => {
    const end = r.sent[i + 1]?.repliesBefore ?? r.replies.length;
    const own = { ...r, replies: r.replies.slice(s.repliesBefore, end) };
    turns[s.turn] = conversationReplies(own);
  });
  return turns;
}

/** Length of the longest strictly increasing subsequence. */
function lis(xs: number[]): number {
  const tails: number[] = [];
  for (const x of xs) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

/** Positions of each text in the expected sequence, in order. */
function positions(expected: string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  expected.forEach((t, i) => at.set(t, [...(at.get(t) ?? []), i]));
  return at;
}

/** Compares one chat with the golden conversation for the turns its citizen sent. */
export function checkChat(r: CitizenRecord, golden: Golden): ChatFindings {
  const turns = [...new Set(r.sent.map((s) => s.turn))].sort((a, b) => a - b);
  const expected = turns.flatMap((t) => golden[t] ?? []);
  const at = positions(expected);
  const used = new Map<string, number>();
  const order: number[] = [];
  let duplicated = 0;
  let unexpected = 0;
  for (const t of conversationReplies(r)) {
    const slots = at.get(t);
    if (!slots) {
      unexpected++;
      continue;
    }
    const n = used.get(t) ?? 0;
    used.set(t, n + 1);
    if (n < slots.length) order.push(slots[n]!);
    else duplicated++;
  }
  const answered = r.sent.filter(
    (s, i) => (r.sent[i + 1]?.repliesBefore ?? r.replies.length) > s.repliesBefore,
  );
  return {
    sent: r.sent.length,
    answered: answered.length,
    lost: expected.length - order.length,
    duplicated,
    outOfOrder: order.length - lis(order) + unexpected,
    replies: expected.length,
  };
}
