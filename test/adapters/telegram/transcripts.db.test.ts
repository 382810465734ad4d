import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { createLoket, type Loket } from '../../../src/main.js';
import { loadTranscripts, swapTypo, type Transcript } from '../../app/transcript.js';
import { TelegramCitizen, telegramHarness, type TelegramHarness, type Turn } from './telegram-citizen.js';

const transcripts = await loadTranscripts();
// The same Monday morning in Jakarta as the terminal run, so office hours and due dates match.
const START = new Date('2026-11-23T02:00:00Z');
const TRACKING = /[A-Z]{2,8}-\d{4}-[0-9A-Z]{5}/;

/**
 * Plays a transcript over the Telegram seam: `say` is a press of the last menu's button when
 * that menu has it (by number or exact label), typed text otherwise; `command` is the slash
 * command; `file` a photo (real JPEGs) or a document. Every step maps: the transcripts only
 * use inputs a Telegram user can make. Returns how each turn went in.
 */
async function playOnTelegram(h: TelegramHarness, chatId: number, t: Transcript): Promise<Array<Turn['as']>> {
  const citizen = new TelegramCitizen(h, chatId, t.lang ?? 'id');
  const vars: Record<string, string> = {};
  const log: string[] = [];
  const ways: Array<Turn['as']> = [];
  let n = 0;
  for (const turn of t.turns) {
    n++;
    h.clock.now = new Date(START.getTime() + n * 60_000);
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
    const input = turn.file ?? (turn.command ? `/${turn.command}` : fill(turn.say ?? ''));
    const result =
      turn.file !== undefined
        ? await citizen.file(turn.file)
        : turn.command !== undefined
          ? await citizen.command(turn.command)
          : await citizen.answer(fill(turn.say ?? ''));
    ways.push(result.as);
    log.push(`#${n} citizen (${result.as}): ${input}`, `#${n} bot: ${result.said}`);
    const lower = result.said.toLowerCase();
    const missing = turn.expect.map(fill).filter((e) => !lower.includes(e.toLowerCase()));
    const unwanted = turn.expect_not.map(fill).filter((e) => lower.includes(e.toLowerCase()));
    if (missing.length > 0 || unwanted.length > 0) {
      throw new Error(
        `${t.name}: turn ${n}${missing.length ? ` missing ${JSON.stringify(missing)}` : ''}` +
          `${unwanted.length ? ` unwanted ${JSON.stringify(unwanted)}` : ''}\n\n${log.join('\n')}`,
      );
    }
    if (turn.capture_tracking) {
      const m = TRACKING.exec(result.said);
      if (!m) throw new Error(`${t.name}: turn ${n} has no tracking number\n\n${log.join('\n')}`);
      vars.tracking = m[0];
      vars.tracking_typo = swapTypo(m[0]);
    }
  }
  return ways;
}

describe('conversation transcripts over Telegram (grammY, real engine and database)', () => {
  let loket: Loket;
  let h: TelegramHarness;
  const ways = new Map<string, Array<Turn['as']>>();
  beforeAll(async () => {
    const db = `t_tg_transcripts_${randomBytes(4).toString('hex')}`;
    loket = await createLoket(
      loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
    h = telegramHarness(loket, { start: START });
  });
  afterAll(async () => {
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
  });

  it.each(transcripts.map((t, i) => [t.file, t.transcript, i] as const))(
    '%s',
    async (file, transcript, i) => {
      ways.set(file, await playOnTelegram(h, 910_000 + i, transcript));
    },
  );

  it('should have pressed buttons, typed, and sent photos and documents across the transcripts', () => {
    const all = [...ways.values()].flat();
    const count = (as: Turn['as']) => all.filter((w) => w === as).length;
    expect(ways.size).toBe(transcripts.length);
    // Floors at or a little under what the transcripts hold, so that dropping transcripts cannot
    // quietly leave a kind of input untested. (No transcript uses `command:` yet; the slash
    // commands are covered in flows.db.test.ts.)
    expect(count('press')).toBeGreaterThanOrEqual(19);
    expect(count('text')).toBeGreaterThanOrEqual(150);
    expect(count('photo')).toBeGreaterThanOrEqual(12);
    expect(count('document')).toBeGreaterThanOrEqual(19);
    expect(count('voice')).toBeGreaterThanOrEqual(4);
    // Every press was answered, or the citizen's button would keep spinning.
    expect(h.api.of('answerCallbackQuery').length).toBe(count('press'));
  });
});
