import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { start, type Running } from '../../../src/main.js';
import { serverEnv } from '../../support/db.js';
import { FakeGraphApi } from '../../support/fake-graph-api.js';

const TOKEN = 'EAAGfakeCloudToken1234567890';
const PHONE_ID = '106540352242922';
const APP_SECRET = 'appsecret0123456789abcdef';
const VERIFY = 'verify-token-of-the-office';
const FILES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'files');

/** A webhook call as Meta posts it: one message in one change. */
function inbound(from: string, id: string, message: Record<string, unknown>): object {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba-1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '6281100000000', phone_number_id: PHONE_ID },
              contacts: [{ profile: { name: 'Siti' }, wa_id: from }],
              messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
            },
          },
        ],
      },
    ],
  };
}

/** A webhook call carrying delivery receipts. */
function receipts(...statuses: Array<{ id: string; status: string; at: number; errors?: object[] }>): object {
  const value = {
    messaging_product: 'whatsapp',
    metadata: { phone_number_id: PHONE_ID },
    statuses: statuses.map((s) => ({
      id: s.id,
      status: s.status,
      timestamp: String(s.at),
      recipient_id: '6281200000006',
      ...(s.errors ? { errors: s.errors } : {}),
    })),
  };
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: 'waba-1', changes: [{ field: 'messages', value }] }],
  };
}

describe('Loket server with the WhatsApp Business Platform (fake Graph API over HTTP)', () => {
  const graph = new FakeGraphApi(TOKEN, PHONE_ID);
  let running: Running;
  let base = '';
  beforeAll(async () => {
    const root = await graph.listen();
    const config = loadConfig(
      serverEnv('wa_cloud', {
        WHATSAPP_CLOUD_TOKEN: TOKEN,
        WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_ID,
        WHATSAPP_CLOUD_APP_SECRET: APP_SECRET,
        WHATSAPP_CLOUD_VERIFY_TOKEN: VERIFY,
        WHATSAPP_CLOUD_API_ROOT: root,
      }),
    );
    running = await start(config, createLogger('silent'));
    base = `http://127.0.0.1:${running.port}/webhooks/whatsapp-cloud`;
  });
  afterAll(async () => {
    await running.conn.dropDatabase().catch(() => undefined);
    await running.stop();
    await graph.close();
  });

  const post = (body: object, sign: string | null = APP_SECRET) => {
    const raw = JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (sign !== null)
      headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', sign).update(raw).digest('hex')}`;
    return fetch(base, { method: 'POST', headers, body: raw });
  };
  const stored = (collection: string, filter: object) =>
    running.conn.db!.collection(collection).countDocuments(filter);
  const waitForAsync = async <T>(probe: () => Promise<T | null | undefined>, ms = 15_000): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const v = await probe();
      if (v !== undefined && v !== null) return v;
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** Every stored webhook item handled: the queue is empty again. */
  const drained = () =>
    waitForAsync(async () => ((await stored('inbound_queue', {})) === 0 ? true : undefined));
  const waitFor = async <T>(probe: () => T | undefined, ms = 15_000): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const v = probe();
      if (v !== undefined) return v;
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it("should answer Meta's verification with the challenge, and 403 to a wrong token", async () => {
    const ok = await fetch(`${base}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(`${base}?hub.mode=subscribe&hub.verify_token=${VERIFY}x&hub.challenge=1`);
    expect(wrong.status).toBe(403);
    const noMode = await fetch(`${base}?hub.verify_token=${VERIFY}&hub.challenge=1`);
    expect(noMode.status).toBe(403);
  });

  it('should refuse a missing or wrong signature with 401 and store nothing', async () => {
    const body = inbound('6281200000001', 'wamid.unsigned', { type: 'text', text: { body: 'halo' } });
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, 'another-secret-entirely')).status).toBe(401);
    // Signed for another body: the signature covers the raw bytes.
    const raw = JSON.stringify(body);
    const sig = createHmac('sha256', APP_SECRET).update(`${raw} `).digest('hex');
    const tampered = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${sig}` },
      body: raw,
    });
    expect(tampered.status).toBe(401);
    expect(await stored('inbound_messages', { channel: 'wa_cloud' })).toBe(0);
    expect(await stored('conversations', { channel: 'wa_cloud' })).toBe(0);
    expect(graph.sent).toHaveLength(0);
  });

  it('should answer a signed text (eleven services: numbered text), then take a button press as the choice', async () => {
    const from = '6281200000002';
    const res = await post(inbound(from, 'wamid.in1', { type: 'text', text: { body: 'halo' } }));
    expect(res.status).toBe(200);
    const menu = await waitFor(() => graph.sent.find((b) => b.to === from));
    const call = graph.calls.find((c) => c.body === menu)!;
    expect(call.method).toBe('POST');
    expect(call.path).toBe(`/v21.0/${PHONE_ID}/messages`);
    expect(call.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call.contentType).toMatch(/^application\/json/);
    expect(menu).toMatchObject({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: from,
      type: 'text',
    });
    expect(graph.textsTo(from)[0]).toContain('*1.* KTP-el');
    await post(inbound(from, 'wamid.in2', { type: 'text', text: { body: '1' } }));
    await waitFor(() => (graph.textsTo(from).some((t) => t.includes('Syarat KTP-el')) ? true : undefined));
    const native = graph.sent.filter((b) => b.to === from && b.type === 'interactive').at(-1);
    expect(native).toBeDefined();
    const action = (native!.interactive as { action: Record<string, unknown> }).action;
    const ids = [
      ...((action.buttons as Array<{ reply: { id: string; title: string } }> | undefined) ?? []).map(
        (b) => b.reply,
      ),
      ...(
        (action.sections as Array<{ rows: Array<{ id: string; title: string }> }> | undefined) ?? []
      ).flatMap((x) => x.rows),
    ];
    const before = graph.sent.length;
    expect(ids[0]).toEqual({ id: 'apply:ktp', title: 'Ya, ajukan sekarang' });
    const kind = action.buttons ? 'button_reply' : 'list_reply';
    await post(
      inbound(from, 'wamid.in3', { type: 'interactive', interactive: { type: kind, [kind]: ids[0] } }),
    );
    await waitFor(() => (graph.sent.length > before ? true : undefined));
    expect(graph.textsTo(from).slice(-1)[0]).not.toMatch(/tidak (saya )?mengerti|belum paham/i);
  });

  it("should recognise Meta's retry of a message it already handled and answer it once", async () => {
    const from = '6281200000003';
    const body = inbound(from, 'wamid.retry', { type: 'text', text: { body: 'halo' } });
    expect((await post(body)).status).toBe(200);
    await waitFor(() => (graph.textsTo(from).length > 0 ? true : undefined));
    const count = graph.textsTo(from).length;
    expect((await post(body)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(graph.textsTo(from)).toHaveLength(count);
    expect(
      await stored('inbound_messages', { channel: 'wa_cloud', messageId: 'wamid.retry' }),
    ).toBeLessThanOrEqual(1);
  });

  it('should download an image by its media id with the bearer token', async () => {
    const from = '6281200000004';
    graph.media.set('media-ktp-1', {
      bytes: await readFile(path.join(FILES, 'foto-ktp.jpg')),
      mimeType: 'image/jpeg',
    });
    const res = await post(
      inbound(from, 'wamid.img', {
        type: 'image',
        image: { id: 'media-ktp-1', mime_type: 'image/jpeg', sha256: 'x' },
      }),
    );
    expect(res.status).toBe(200);
    await drained();
    const info = graph.calls.find((c) => c.method === 'GET' && c.path === '/v21.0/media-ktp-1');
    const bytes = graph.calls.find((c) => c.method === 'GET' && c.path === '/download/media-ktp-1');
    expect(info?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(bytes?.authorization).toBe(`Bearer ${TOKEN}`);
    await waitFor(() => (graph.textsTo(from).length > 0 ? true : undefined));
  });

  it('should answer a reaction, a sticker and a location kindly, in both languages', async () => {
    const from = '6281200000005';
    await post(
      inbound(from, 'wamid.react', { type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍' } }),
    );
    await post(inbound(from, 'wamid.sticker', { type: 'sticker', sticker: { id: 's1' } }));
    await post(
      inbound(from, 'wamid.loc', { type: 'location', location: { latitude: -6.6, longitude: 106.8 } }),
    );
    await drained();
    const texts = graph.textsTo(from);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/Terima kasih[\s\S]*Thank you/);
    expect(texts[1]).toMatch(/hanya bisa membaca teks[\s\S]*only read text/);
    // Recorded on the outbound path under the wamid: a redelivery answers nothing more.
    expect(await stored('outbox', { _id: 'wa-cloud-reaction:wamid.react', status: 'sent' })).toBe(1);
    await post(
      inbound(from, 'wamid.react', { type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍' } }),
    );
    await drained();
    expect(graph.textsTo(from)).toHaveLength(3);
    expect(await stored('inbound_messages', { channel: 'wa_cloud', chatId: from })).toBe(0);
  });

  it('should store the wamid on the outbox row and apply receipts forward only, whatever their order', async () => {
    const from = '6281200000006';
    await post(inbound(from, 'wamid.st1', { type: 'text', text: { body: 'halo' } }));
    const outbox = running.conn.db!.collection('outbox');
    const row = await waitForAsync(() =>
      outbox.findOne({ channel: 'wa_cloud', chatId: from, status: 'sent' }),
    );
    const wamid = (row.providerIds as string[])[0]!;
    expect(wamid).toMatch(/^wamid\.fake/);
    const t = Math.floor(Date.now() / 1000);
    // Read arrives first, then the earlier delivered and sent: read stays.
    expect((await post(receipts({ id: wamid, status: 'read', at: t + 5 }))).status).toBe(200);
    expect(
      (
        await post(
          receipts({ id: wamid, status: 'delivered', at: t + 3 }, { id: wamid, status: 'sent', at: t + 1 }),
        )
      ).status,
    ).toBe(200);
    expect((await post(receipts({ id: wamid, status: 'read', at: t + 5 }))).status).toBe(200);
    await drained();
    const after = await outbox.findOne({ _id: row._id });
    expect(after!.receipt).toMatchObject({ state: 'read', at: new Date((t + 5) * 1000) });
    expect(after!.status).toBe('sent');
    // An unsigned receipt changes nothing.
    expect((await post(receipts({ id: wamid, status: 'failed', at: t + 9 }), null)).status).toBe(401);
    await drained();
    expect((await outbox.findOne({ _id: row._id }))!.receipt).toMatchObject({ state: 'read' });
  });

  it("should mark a row failed, with Meta's code, when its receipt says so", async () => {
    const from = '6281200000007';
    await post(inbound(from, 'wamid.st2', { type: 'text', text: { body: 'halo' } }));
    const outbox = running.conn.db!.collection('outbox');
    const row = await waitForAsync(() =>
      outbox.findOne({ channel: 'wa_cloud', chatId: from, status: 'sent' }),
    );
    const wamid = (row.providerIds as string[])[0]!;
    const t = Math.floor(Date.now() / 1000);
    await post(receipts({ id: wamid, status: 'sent', at: t }));
    await post(
      receipts({
        id: wamid,
        status: 'failed',
        at: t + 1,
        errors: [{ code: 131047, title: 'Re-engagement message' }],
      }),
    );
    await drained();
    const after = await outbox.findOne({ _id: row._id });
    expect(after).toMatchObject({ status: 'failed', lastError: 'WhatsApp 131047: Re-engagement message' });
    expect(after!.receipt).toMatchObject({ state: 'failed' });
  });
});
