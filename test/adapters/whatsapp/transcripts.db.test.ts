import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { createLoket, type Loket } from '../../../src/main.js';
import { loadTranscripts, swapTypo, type Transcript } from '../../app/transcript.js';
import {
  WhatsAppCitizen,
  whatsappHarness,
  type WhatsAppHarness,
  type WhatsAppTurn,
} from './whatsapp-citizen.js';

const transcripts = await loadTranscripts();
// The same Monday morning in Jakarta as the terminal and Telegram runs.
const START = new Date('2026-11-23T02:00:00Z');
const TRACKING = /[A-Z]{2,8}-\d{4}-[0-9A-Z]{5}/;

/**
 * Plays a transcript over the WhatsApp seam: `say` is typed, and when it is an option of the
 * last numbered menu (its number or its exact label) the citizen types the option's number;
 * `file` is a photo (real JPEGs) or a document, downloaded and decrypted by Baileys. WhatsApp
 * has no slash commands: a `command` turn fails the run (no transcript has one yet).
 */
async function playOnWhatsApp(
  h: WhatsAppHarness,
  jid: string,
  t: Transcript,
): Promise<Array<WhatsAppTurn['as']>> {
  const citizen = new WhatsAppCitizen(h, jid);
  const vars: Record<string, string> = {};
  const log: string[] = [];
  const ways: Array<WhatsAppTurn['as']> = [];
  let n = 0;
  for (const turn of t.turns) {
    n++;
    h.clock.now = new Date(START.getTime() + n * 60_000);
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
    if (turn.command !== undefined)
      throw new Error(
        `${t.name}: turn ${n} is the command /${turn.command}, which WhatsApp has no way to send`,
      );
    const typed = fill(turn.say ?? '');
    const number = turn.file === undefined ? citizen.numberFor(typed) : undefined;
    const result = turn.file !== undefined ? await citizen.file(turn.file) : await citizen.answer(typed);
    ways.push(result.as);
    const input =
      turn.file !== undefined ? `[${result.as} ${turn.file}]` : number ? `${number} (${typed})` : typed;
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

describe('conversation transcripts over WhatsApp (Baileys seams, real engine and database)', () => {
  let loket: Loket;
  let h: WhatsAppHarness;
  const ways = new Map<string, Array<WhatsAppTurn['as']>>();
  beforeAll(async () => {
    const db = `t_wa_transcripts_${randomBytes(4).toString('hex')}`;
    loket = await createLoket(
      loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
    h = await whatsappHarness(loket, { start: START });
  });
  afterAll(async () => {
    await h?.stop();
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
  });

  it.each(transcripts.map((t, i) => [t.file, t.transcript, i] as const))(
    '%s',
    async (file, transcript, i) => {
      const jid = `62812${String(700_000 + i).padStart(7, '0')}@s.whatsapp.net`;
      ways.set(file, await playOnWhatsApp(h, jid, transcript));
    },
  );

  it('should have typed menu numbers and free text, and sent photos and documents across the transcripts', () => {
    const all = [...ways.values()].flat();
    const count = (as: WhatsAppTurn['as']) => all.filter((w) => w === as).length;
    expect(ways.size).toBe(transcripts.length);
    // Floors at or a little under what the transcripts hold, so that dropping transcripts cannot
    // quietly leave a kind of input untested (the same inputs as the Telegram run's presses and
    // uploads).
    expect(count('choice')).toBeGreaterThanOrEqual(19);
    expect(count('text')).toBeGreaterThanOrEqual(150);
    expect(count('image')).toBeGreaterThanOrEqual(12);
    expect(count('document')).toBeGreaterThanOrEqual(19);
    expect(count('voice')).toBeGreaterThanOrEqual(4);
    // Every file went through Baileys' download from the media server, once each.
    expect(h.downloads).toHaveLength(count('image') + count('document') + count('voice'));
    // Every message was marked read, as a phone shows the blue ticks.
    expect(h.sock.reads.length).toBe(all.length);
  });
});
