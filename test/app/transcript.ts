import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { InboundMessage } from '../../src/app/inbound.js';
import { formatPlain } from '../../src/adapters/terminal/format.js';
import type { Loket } from '../../src/main.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TRANSCRIPT_DIR = path.join(HERE, 'transcripts');
const FILES_DIR = path.join(HERE, '..', 'fixtures', 'files');

const text = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const turnSchema = z
  .object({
    /** What the citizen types; `{tracking}` and `{tracking_typo}` are replaced. */
    say: z.string().optional(),
    /** A file from test/fixtures/files sent as an upload. */
    file: z.string().optional(),
    /** A slash command as a channel sends it. */
    command: z.enum(['start', 'menu', 'status', 'officer', 'cancel', 'language', 'help']).optional(),
    /** Every one of these must appear in the bot's replies (case-insensitive). */
    expect: text.default([]),
    /** None of these may appear. */
    expect_not: text.default([]),
    /** Remember the tracking number the replies contain as {tracking}. */
    capture_tracking: z.boolean().default(false),
  })
  .strict()
  .refine((t) => [t.say, t.file, t.command].filter((v) => v !== undefined).length === 1, {
    message: 'a turn has exactly one of say, file, command',
  });

export const transcriptSchema = z
  .object({
    name: z.string().min(1),
    lang: z.enum(['id', 'en']).optional(),
    turns: z.array(turnSchema).min(1),
  })
  .strict();
export type Transcript = z.infer<typeof transcriptSchema>;

/** Reads every transcript file, validated. */
export async function loadTranscripts(): Promise<Array<{ file: string; transcript: Transcript }>> {
  const files = (await readdir(TRANSCRIPT_DIR)).filter((f) => f.endsWith('.yaml')).sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      transcript: transcriptSchema.parse(parse(await readFile(path.join(TRANSCRIPT_DIR, file), 'utf8'))),
    })),
  );
}

const TRACKING = /[A-Z]{2,8}-\d{4}-[0-9A-Z]{5}/;

/** The tracking number with its first pair of different neighbours swapped: a typo the check character catches. */
export function swapTypo(tracking: string): string {
  const head = tracking.slice(0, -5);
  const tail = tracking.slice(-5).split('');
  for (let i = 0; i < tail.length - 1; i++) {
    if (tail[i] !== tail[i + 1]) {
      [tail[i], tail[i + 1]] = [tail[i + 1] as string, tail[i] as string];
      return head + tail.join('');
    }
  }
  return tracking;
}

/**
 * Plays a transcript as citizen `user` on the terminal channel through the real inbound path
 * (idempotency, database, NLU, engine, effects); throws with the whole exchange on a mismatch.
 */
export async function play(
  loket: Loket,
  user: string,
  t: Transcript,
  start: Date,
  /** Turns already played in this chat by an earlier call, so message ids stay unique. */
  turnsBefore = 0,
): Promise<void> {
  const vars: Record<string, string> = {};
  const log: string[] = [];
  let n = turnsBefore;
  for (const turn of t.turns) {
    n++;
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
    const base = {
      channel: 'terminal' as const,
      chatId: user,
      messageId: `${user}-${n}`,
      at: new Date(start.getTime() + (n - turnsBefore) * 60_000),
      ...(t.lang ? { lang: t.lang } : {}),
    };
    let content: InboundMessage['content'];
    if (turn.file !== undefined) {
      const bytes = await readFile(path.join(FILES_DIR, turn.file));
      content = {
        kind: 'file',
        file: {
          filename: turn.file,
          announcedSize: bytes.length,
          fetch: () => Promise.resolve(bytes),
          // An .ogg is a voice note, as the phone channels send one.
          ...(turn.file.endsWith('.ogg') ? { voice: true as const } : {}),
        },
      };
    } else if (turn.command !== undefined) {
      content = { kind: 'command', command: turn.command };
    } else {
      content = { kind: 'text', text: fill(turn.say ?? '') };
    }
    const result = await loket.handleInbound({ ...base, content });
    const said = result.replies.map(formatPlain).join('\n\n');
    log.push(
      `#${n} citizen: ${turn.file ? `[file ${turn.file}]` : turn.command ? `/${turn.command}` : fill(turn.say ?? '')}`,
      `#${n} bot: ${said}`,
    );
    const lower = said.toLowerCase();
    const missing = turn.expect.map(fill).filter((e) => !lower.includes(e.toLowerCase()));
    const unwanted = turn.expect_not.map(fill).filter((e) => lower.includes(e.toLowerCase()));
    if (result.status !== 'processed' || missing.length > 0 || unwanted.length > 0) {
      throw new Error(
        `${t.name}: turn ${n} ${result.status !== 'processed' ? `was ${result.status}` : ''}` +
          `${missing.length ? ` missing ${JSON.stringify(missing)}` : ''}` +
          `${unwanted.length ? ` unwanted ${JSON.stringify(unwanted)}` : ''}\n\n${log.join('\n')}`,
      );
    }
    if (turn.capture_tracking) {
      const m = TRACKING.exec(said);
      if (!m) throw new Error(`${t.name}: turn ${n} has no tracking number to capture\n\n${log.join('\n')}`);
      vars.tracking = m[0];
      vars.tracking_typo = swapTypo(m[0]);
    }
  }
}
