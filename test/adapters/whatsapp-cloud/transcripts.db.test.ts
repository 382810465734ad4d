import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCloudChannel, type CloudChannel } from '../../../src/adapters/whatsapp-cloud/channel.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { createLoket, type Loket } from '../../../src/main.js';
import { postSignedWebhook } from '../../support/cloud-webhook.js';
import { FakeGraphApi, readable } from '../../support/fake-graph-api.js';
import { loadTranscripts, swapTypo, type Transcript } from '../../app/transcript.js';

const transcripts = await loadTranscripts();
// The same Monday morning in Jakarta as the terminal and Telegram runs, so hours and due dates match.
const START = new Date('2026-11-23T02:00:00Z');
const TRACKING = /[A-Z]{2,8}-\d{4}-[0-9A-Z]{5}/;
const FILES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'files');
const TOKEN = 'EAAGfakeCloudToken1234567890';
const PHONE_ID = '106540352242922';
const SECRET = 'appsecret0123456789abcdef';

type As = 'text' | 'press' | 'image' | 'document' | 'voice';
type Option = { id: string; title: string; description?: string };

/** One citizen on the Cloud API: webhook calls in (signed), Graph API calls out. */
class CloudCitizen {
  private options: Option[] = [];
  private seq = 0;
  constructor(
    private readonly channel: CloudChannel,
    private readonly graph: FakeGraphApi,
    readonly from: string,
    private readonly clock: { now: Date },
  ) {}

  private async post(message: Record<string, unknown>, as: As): Promise<{ said: string; as: As }> {
    const before = this.graph.sent.length;
    const id = `wamid.in.${this.from}.${++this.seq}`;
    const value = {
      messaging_product: 'whatsapp',
      metadata: { phone_number_id: PHONE_ID },
      contacts: [{ profile: { name: 'Warga' }, wa_id: this.from }],
      messages: [
        { from: this.from, id, timestamp: String(Math.floor(this.clock.now.getTime() / 1000)), ...message },
      ],
    };
    const raw = Buffer.from(
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: 'w', changes: [{ field: 'messages', value }] }],
      }),
    );
    const status = await postSignedWebhook(this.channel, SECRET, raw);
    if (status !== 200) throw new Error(`webhook answered ${status}`);
    const sent = this.graph.sent.slice(before).filter((b) => b.to === this.from);
    const last = [...sent].reverse().find((b) => b.type === 'interactive');
    const action = (last?.interactive as { action?: Record<string, unknown> } | undefined)?.action;
    this.options = last
      ? [
          ...((action?.buttons as Array<{ reply: Option }> | undefined) ?? []).map((b) => b.reply),
          ...((action?.sections as Array<{ rows: Option[] }> | undefined) ?? []).flatMap((s) => s.rows),
        ]
      : [];
    return { said: sent.map(readable).join('\n\n'), as };
  }

  /** A press when the last native menu has that option (by number or its whole label), typing otherwise. */
  answer(text: string): Promise<{ said: string; as: As }> {
    const said = text.trim().toLowerCase();
    const option = /^\d+$/.test(said)
      ? this.options[Number(said) - 1]
      : this.options.find((o) => (o.description ?? o.title).toLowerCase() === said);
    if (!option) return this.post({ type: 'text', text: { body: text } }, 'text');
    const kind =
      this.options.length <= 3 && this.options.every((o) => !o.description) ? 'button_reply' : 'list_reply';
    return this.post(
      { type: 'interactive', interactive: { type: kind, [kind]: { id: option.id, title: option.title } } },
      'press',
    );
  }

  /** A real JPEG as an image, anything else as a document with the type a phone would claim from its name. */
  async file(name: string): Promise<{ said: string; as: As }> {
    const bytes = await readFile(path.join(FILES, name));
    const ext = path.extname(name).toLowerCase();
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    const mime =
      ext === '.pdf'
        ? 'application/pdf'
        : ext === '.png'
          ? 'image/png'
          : jpeg || ext === '.jpg'
            ? 'image/jpeg'
            : 'application/octet-stream';
    const mediaId = `media-${this.from}-${++this.seq}`;
    if (ext === '.ogg') {
      // As a phone sends a voice note: audio, no file name.
      this.graph.media.set(mediaId, { bytes, mimeType: 'audio/ogg; codecs=opus' });
      return this.post(
        { type: 'audio', audio: { id: mediaId, mime_type: 'audio/ogg; codecs=opus', voice: true } },
        'voice',
      );
    }
    this.graph.media.set(mediaId, { bytes, mimeType: mime });
    return jpeg
      ? this.post({ type: 'image', image: { id: mediaId, mime_type: mime } }, 'image')
      : this.post(
          { type: 'document', document: { id: mediaId, filename: name, mime_type: mime } },
          'document',
        );
  }
}

async function play(citizen: CloudCitizen, clock: { now: Date }, t: Transcript): Promise<As[]> {
  const vars: Record<string, string> = {};
  const log: string[] = [];
  const ways: As[] = [];
  let n = 0;
  for (const turn of t.turns) {
    n++;
    clock.now = new Date(START.getTime() + n * 60_000);
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
    if (turn.command !== undefined) throw new Error(`${t.name}: the Cloud API has no slash commands`);
    const result =
      turn.file !== undefined ? await citizen.file(turn.file) : await citizen.answer(fill(turn.say ?? ''));
    ways.push(result.as);
    log.push(
      `#${n} citizen (${result.as}): ${turn.file ?? fill(turn.say ?? '')}`,
      `#${n} bot: ${result.said}`,
    );
    const lower = result.said.toLowerCase();
    const missing = turn.expect.map(fill).filter((e) => !lower.includes(e.toLowerCase()));
    const unwanted = turn.expect_not.map(fill).filter((e) => lower.includes(e.toLowerCase()));
    if (missing.length > 0 || unwanted.length > 0)
      throw new Error(
        `${t.name}: turn ${n} missing ${JSON.stringify(missing)} unwanted ${JSON.stringify(unwanted)}\n\n${log.join('\n')}`,
      );
    if (turn.capture_tracking) {
      const m = TRACKING.exec(result.said);
      if (!m) throw new Error(`${t.name}: turn ${n} has no tracking number\n\n${log.join('\n')}`);
      vars.tracking = m[0];
      vars.tracking_typo = swapTypo(m[0]);
    }
  }
  return ways;
}

describe('conversation transcripts over the WhatsApp Business Platform (fake Graph API, real engine and database)', () => {
  const graph = new FakeGraphApi(TOKEN, PHONE_ID);
  const clock = { now: START };
  let loket: Loket;
  let channel: CloudChannel;
  const ways = new Map<string, As[]>();
  beforeAll(async () => {
    const root = await graph.listen();
    const db = `t_cloud_transcripts_${randomBytes(4).toString('hex')}`;
    loket = await createLoket(
      loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
    channel = createCloudChannel({
      token: TOKEN,
      phoneNumberId: PHONE_ID,
      appSecret: SECRET,
      verifyToken: 'verify-token-of-the-office',
      apiRoot: root,
      handleInbound: loket.handleInbound,
      logger: createLogger('silent'),
      downloadTimeoutMs: 5000,
      // Handled as soon as stored, so each turn's replies are there when the call is answered.
      enqueue: async (items) => {
        for (const item of items) await channel.queueHandler.handle(item.payload);
      },
      deliver: (items) => loket.outbound.deliver(items),
    });
    loket.senders.set('wa_cloud', channel.sender);
  });
  afterAll(async () => {
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
    await graph.close();
  });

  it.each(transcripts.map((t, i) => [t.file, t.transcript, i] as const))(
    '%s',
    async (file, transcript, i) => {
      ways.set(
        file,
        await play(new CloudCitizen(channel, graph, `62813${String(900_000 + i)}`, clock), clock, transcript),
      );
    },
  );

  it('should have pressed buttons and list rows, typed, and sent images, documents and voice notes', () => {
    const all = [...ways.values()].flat();
    const count = (as: As) => all.filter((w) => w === as).length;
    expect(ways.size).toBe(transcripts.length);
    expect(count('press')).toBeGreaterThanOrEqual(10);
    expect(count('text')).toBeGreaterThanOrEqual(100);
    expect(count('image')).toBeGreaterThanOrEqual(10);
    expect(count('document')).toBeGreaterThanOrEqual(10);
    expect(count('voice')).toBeGreaterThanOrEqual(4);
    for (const c of graph.calls) expect(c.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
