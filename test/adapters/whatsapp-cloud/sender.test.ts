import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '../../../src/config/logger.js';
import { createGraphClient } from '../../../src/adapters/whatsapp-cloud/graph.js';
import { renderReplies } from '../../../src/adapters/whatsapp-cloud/render.js';
import { createCloudSender } from '../../../src/adapters/whatsapp-cloud/sender.js';
import { FakeGraphApi } from '../../support/fake-graph-api.js';
import { expectSends, templateMessage } from '../../support/graph-expect.js';
import { statusTemplateParams } from '../../../src/main/whatsapp-cloud.js';

const TOKEN = 'EAAGfakeCloudToken1234567890';
const PHONE_ID = '1065403522';
const TO = '6281234567890';
/** The status template's parameters the senders below are given. */
const STATUS_PARAMS = ['KTP-2026-ABCDE', 'Siap diambil', '7 Desember 2026'];
const options = (n: number, label = (i: number) => `Pilihan ${i}`) =>
  Array.from({ length: n }, (_, i) => ({ value: `v${i}`, label: label(i) }));

describe('Cloud API rendering', () => {
  it('should make up to three short options reply buttons, their ids the menu values', () => {
    const [m] = renderReplies([{ kind: 'menu', text: 'Pilih', options: options(3) }]);
    expect(m).toEqual({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pilih' },
        action: {
          buttons: options(3).map((o) => ({ type: 'reply', reply: { id: o.value, title: o.label } })),
        },
      },
    });
  });

  it('should make a list of up to ten, a long label cut in its title and whole in its description', () => {
    const long = 'Surat Keterangan Tidak Mampu (SKTM)';
    const [m] = renderReplies([
      { kind: 'menu', text: 'Pilih', options: options(10, (i) => (i === 0 ? long : `P${i}`)) },
    ]);
    const list = (
      m as unknown as {
        interactive: { type: string; action: { sections: Array<{ rows: Array<Record<string, string>> }> } };
      }
    ).interactive;
    expect(list.type).toBe('list');
    const rows = list.action.sections[0]!.rows;
    expect(rows).toHaveLength(10);
    expect([...rows[0]!.title!].length).toBe(24);
    expect(rows[0]!.description).toBe(long);
    // Four short options are too many for buttons.
    expect(
      (
        renderReplies([{ kind: 'menu', text: 'x', options: options(4) }])[0] as unknown as {
          interactive: { type: string };
        }
      ).interactive.type,
    ).toBe('list');
  });

  it('should fall back to numbered text past ten options', () => {
    const [m] = renderReplies([{ kind: 'menu', text: 'Layanan?', options: options(11) }]);
    expect(m).toEqual({
      type: 'text',
      text: {
        body: ['Layanan?', '', ...options(11).map((o, i) => `*${i + 1}.* ${o.label}`)].join('\n'),
        preview_url: false,
      },
    });
  });

  it('should split a text over 4096 characters', () => {
    const parts = renderReplies([{ kind: 'text', text: `${'a'.repeat(3000)}\n${'b'.repeat(3000)}` }]);
    expect(parts.map((p) => (p as { text: { body: string } }).text.body)).toEqual([
      'a'.repeat(3000),
      'b'.repeat(3000),
    ]);
  });
});

describe('Cloud API sender (fake Graph API)', () => {
  const graph = new FakeGraphApi(TOKEN, PHONE_ID);
  let sender: ReturnType<typeof createCloudSender>;
  beforeAll(async () => {
    const root = await graph.listen();
    sender = createCloudSender(
      createGraphClient({ apiRoot: root, token: TOKEN, timeoutMs: 2000 }),
      PHONE_ID,
      createLogger('silent'),
    );
  });
  afterAll(() => graph.close());

  it('should post a text with the bearer token to /{phone-number-id}/messages', async () => {
    expect(await sender.send(TO, [{ kind: 'text', text: 'Halo' }])).toEqual({
      ok: true,
      providerIds: [expect.stringMatching(/^wamid\./)],
    });
    const call = graph.calls.at(-1)!;
    expect(call).toMatchObject({
      method: 'POST',
      path: `/v21.0/${PHONE_ID}/messages`,
      authorization: `Bearer ${TOKEN}`,
    });
    expect(call.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: TO,
      type: 'text',
      text: { body: 'Halo', preview_url: false },
    });
  });

  it('should upload a file first and send it by its media id', async () => {
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
    const result = await sender.sendFile!(TO, {
      bytes,
      filename: 'formulir.pdf',
      contentType: 'application/pdf',
      caption: 'Formulir',
    });
    expect(result).toEqual({ ok: true, providerIds: [expect.stringMatching(/^wamid\./)] });
    const [upload, send] = graph.calls.slice(-2);
    expect(upload).toMatchObject({
      method: 'POST',
      path: `/v21.0/${PHONE_ID}/media`,
      authorization: `Bearer ${TOKEN}`,
    });
    expect(upload!.contentType).toMatch(/^multipart\/form-data/);
    expect(String(upload!.body)).toContain('name="messaging_product"');
    expect(String(upload!.body)).toContain('filename="formulir.pdf"');
    expect(send!.body).toMatchObject({
      to: TO,
      type: 'document',
      document: { id: expect.stringMatching(/^upload-/), filename: 'formulir.pdf', caption: 'Formulir' },
    });
  });

  it('should classify Graph errors so nothing retries for ever', async () => {
    graph.fail(
      { status: 400, code: 131047, message: 'Re-engagement message' },
      { status: 400, code: 131026, message: 'Message undeliverable' },
      { status: 500, code: 1, message: 'An unknown error occurred' },
      { status: 429, code: 130429, message: 'Rate limit hit' },
      { status: 400, code: 100, message: 'Invalid parameter' },
    );
    const send = () => sender.send(TO, [{ kind: 'text', text: 'Status' }]);
    const closed = await send();
    expect(closed).toMatchObject({ ok: false, reason: 'failed' });
    expect((closed as { error: string }).error).toMatch(/131047[\s\S]*24 jam/);
    expect(await send()).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(await send()).toMatchObject({ ok: false, reason: 'retry' });
    expect(await send()).toMatchObject({ ok: false, reason: 'retry' });
    expect(await send()).toMatchObject({
      ok: false,
      reason: 'failed',
      error: expect.stringContaining('Invalid parameter'),
    });
    expect(JSON.stringify(await send())).not.toContain(TOKEN);
  });

  it('should send a status notice as the approved template when the 24-hour window is closed', async () => {
    const templated = createCloudSender(
      createGraphClient({ apiRoot: graph.root, token: TOKEN, timeoutMs: 2000 }),
      PHONE_ID,
      createLogger('silent'),
      {
        name: 'loket_status_update',
        lang: 'id',
        paramsFor: (id) => Promise.resolve(id === 'status:app1:3' ? STATUS_PARAMS : undefined),
      },
    );
    graph.fail({ status: 400, code: 131047, message: 'Re-engagement message' });
    const notice = [{ kind: 'text' as const, text: 'Pembaruan permohonan KTP-2026-ABCDE' }];
    const result = await templated.send(TO, notice, { messageId: 'status:app1:3' });
    expect(result).toEqual({ ok: true, providerIds: [expect.stringMatching(/^wamid\./)] });
    const [refused, template] = graph.calls.slice(-2);
    expect((refused!.body as { type: string }).type).toBe('text');
    expectSends(graph, [template!], [templateMessage(TO, 'loket_status_update', STATUS_PARAMS)]);
    // Any other message outside the window fails for good, with the reason for the console.
    graph.fail({ status: 400, code: 131047, message: 'Re-engagement message' });
    const other = await templated.send(TO, [{ kind: 'text', text: 'Balasan petugas' }], {
      messageId: 'reply:h1:2',
    });
    expect(other).toMatchObject({
      ok: false,
      reason: 'failed',
      error: expect.stringContaining('24-hour window closed'),
    });
  });
});

describe('Cloud API sender with the 24-hour window known ahead (fake Graph API)', () => {
  const graph = new FakeGraphApi(TOKEN, PHONE_ID);
  const now = new Date('2026-12-07T03:00:00Z');
  const lastInbound = new Map<string, Date>();
  let sender: ReturnType<typeof createCloudSender>;
  beforeAll(async () => {
    const root = await graph.listen();
    sender = createCloudSender(
      createGraphClient({ apiRoot: root, token: TOKEN, timeoutMs: 2000 }),
      PHONE_ID,
      createLogger('silent'),
      {
        name: 'loket_status_update',
        lang: 'id',
        paramsFor: (id) => Promise.resolve(id.startsWith('status:') ? STATUS_PARAMS : undefined),
      },
      { lastInbound: (to) => Promise.resolve(lastInbound.get(to)), now: () => now },
    );
  });
  afterAll(() => graph.close());
  const notice = [{ kind: 'text' as const, text: 'Pembaruan permohonan KTP-2026-ABCDE' }];
  const template = (to: string) => templateMessage(to, 'loket_status_update', STATUS_PARAMS);

  it('should send a status notice outside the window straight as the template, with no free-form attempt', async () => {
    const to = '6281200000101';
    lastInbound.set(to, new Date(now.getTime() - 25 * 3600_000));
    const before = graph.calls.length;
    expect(await sender.send(to, notice, { messageId: 'status:a1:2' })).toEqual({
      ok: true,
      providerIds: [expect.stringMatching(/^wamid\./)],
    });
    const calls = graph.calls.slice(before);
    expectSends(graph, calls, [template(to)]);
  });

  it('should fail any other message outside the window for good, with the reason, without calling Meta', async () => {
    const before = graph.calls.length;
    const never = await sender.send('6281200000102', [{ kind: 'text', text: 'Balasan petugas' }], {
      messageId: 'reply:h1:1',
    });
    expect(never).toMatchObject({
      ok: false,
      reason: 'failed',
      error: expect.stringContaining('24-hour window closed'),
    });
    const file = await sender.sendFile!('6281200000102', {
      bytes: Buffer.from('%PDF-1.4\n'),
      filename: 'f.pdf',
      contentType: 'application/pdf',
    });
    expect(file).toMatchObject({
      ok: false,
      reason: 'failed',
      error: expect.stringContaining('jendela 24 jam'),
    });
    expect(graph.calls.length).toBe(before);
  });

  it('should send free-form inside the window, and still fall back to the template when Meta says the window closed', async () => {
    const to = '6281200000103';
    lastInbound.set(to, new Date(now.getTime() - 23 * 3600_000));
    const before = graph.calls.length;
    expect(await sender.send(to, notice, { messageId: 'status:a1:3' })).toMatchObject({ ok: true });
    expect(graph.calls.slice(before).map((c) => (c.body as { type: string }).type)).toEqual(['text']);
    // Our clock and Meta's disagree: its 131047 turns the notice into the template.
    graph.fail({ status: 400, code: 131047, message: 'Re-engagement message' });
    const again = graph.calls.length;
    expect(await sender.send(to, notice, { messageId: 'status:a1:4' })).toMatchObject({ ok: true });
    expect(graph.calls.slice(again).map((c) => (c.body as { type: string }).type)).toEqual([
      'text',
      'template',
    ]);
  });

  it('should send a template without parameters as Meta expects it', async () => {
    const to = '6281200000104';
    const before = graph.calls.length;
    expect(await sender.sendTemplate(to, { name: 'loket_nomor_baru', lang: 'id' }, [])).toMatchObject({
      ok: true,
    });
    const [call] = graph.calls.slice(before);
    expectSends(graph, [call!], [templateMessage(to, 'loket_nomor_baru')]);
  });
});

describe('status template parameters', () => {
  /** An application id as the database makes them: the status notice keys name it. */
  const APP_ID = '6753a1b2c3d4e5f607182930';
  it('should fill tracking number, the status in Indonesian and the due date in Jakarta for status notices only', async () => {
    const app = {
      trackingNumber: 'KTP-2026-ABCDE',
      status: 'READY_FOR_PICKUP',
      slaDueAt: new Date('2026-12-06T18:00:00Z'),
    };
    const applications = {
      findById: (id: string) => Promise.resolve(id === APP_ID ? (app as never) : undefined),
    };
    const params = await statusTemplateParams(applications, `status:${APP_ID}:4`);
    expect(params?.[0]).toBe('KTP-2026-ABCDE');
    expect(params?.[1]).toMatch(/\S/);
    expect(params?.[2]).toBe('7 Desember 2026');
    expect(await statusTemplateParams(applications, 'reply:h1:1')).toBeUndefined();
    expect(await statusTemplateParams(applications, `status:${'0'.repeat(24)}:1`)).toBeUndefined();
  });
});
