/**
 * What the table does not show by itself: the citizens who gave up waiting, and whether the
 * reply they waited for came later or never. A reply that comes minutes late is not lost, but
 * the citizen in front of the screen has left; this says how often that happened.
 */
import type { CitizenRecord, Mailbox } from './citizen.js';
import { checkChat, type Golden } from './transcript.js';

/** One line per fact, for the run's output. */
export function stuckSummary(records: CitizenRecord[], mailbox: Mailbox, timeoutS: number): string[] {
  const stuck = records.filter((r) => r.stuckAt !== undefined);
  if (stuck.length === 0) return [`every citizen got each reply within ${timeoutS} s`];
  const turns = new Map<number, number>();
  for (const r of stuck) turns.set(r.stuckAt!, (turns.get(r.stuckAt!) ?? 0) + 1);
  let later = 0;
  let slowest = 0;
  for (const r of stuck.filter((x) => x.channel === 'telegram')) {
    const last = r.sent.at(-1)!;
    const came = mailbox.arrivalsOf(r.chatId)[last.repliesBefore];
    if (came === undefined) continue;
    later++;
    slowest = Math.max(slowest, came - last.at);
  }
  const at = [...turns.entries()].sort((a, b) => a[0] - b[0]).map(([t, n]) => `turn ${t} ×${n}`);
  return [
    `citizens who gave up waiting (no expected reply within ${timeoutS} s): ${stuck.length} of ${records.length} (${at.join(', ')})`,
    `  of their last messages on Telegram, ${later} got a reply later (the slowest after ${Math.round(slowest / 1000)} s), ${stuck.filter((x) => x.channel === 'telegram').length - later} none`,
  ];
}

/** Per citizen, for CHAOS_REPORT: what it did and what its chat shows. */
export function citizenDetails(records: CitizenRecord[], golden: Record<string, Golden>): unknown[] {
  return records.map((r) => ({
    index: r.index,
    channel: r.channel,
    chatId: r.chatId,
    tracking: r.tracking,
    stuckAt: r.stuckAt,
    findings: checkChat(r, golden[r.channel]!),
    sent: r.sent.map((s) => ({
      turn: s.turn,
      repliesBefore: s.repliesBefore,
      at: new Date(s.at).toISOString(),
    })),
    replies: r.replies,
  }));
}
