import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { renderFragment } from '../../../src/adapters/http/views/html.js';
import { DeliveriesView } from '../../../src/adapters/http/views/supervisor/deliveries-view.js';
import { sendHandoffFile } from '../../../src/app/officer/handoff-files.js';
import { listUndelivered } from '../../../src/app/officer/list-undelivered.js';
import type { OfficerActor } from '../../../src/app/officer/officer-actor.js';
import { retryReply } from '../../../src/app/officer/retry-reply.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { createLoket, type Loket } from '../../../src/main.js';
import type { SendResult } from '../../../src/ports/channel-sender.js';
import { budi } from '../officer/support.js';

/**
 * An officer's file on the real outbound path (database, push, lanes), to a Telegram sender that
 * logs texts and files in the order the citizen would read them and answers from a script.
 */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));
const clock = { now: new Date('2026-11-23T02:00:00Z') };
let loket: Loket;
/** What each chat received, in order: `text: …` or `file: <name>`. */
const heard = new Map<string, string[]>();
/** Answers to the next text and file sends; `ok` once they run out. */
const textAnswers: SendResult[] = [];
const fileAnswers: SendResult[] = [];
/** The bytes of each file a chat received, by file name: what the citizen opens. */
const fileBytes = new Map<string, Buffer>();
let chats = 0;

const hear = (chatId: string, line: string) => heard.set(chatId, [...(heard.get(chatId) ?? []), line]);

beforeAll(async () => {
  const db = `t_outbound_files_${randomBytes(4).toString('hex')}`;
  loket = await createLoket(
    loadConfig({
      MONGODB_URI: `${process.env.MONGODB_URI}${db}`,
      LOG_LEVEL: 'silent',
      OUTBOX_MAX_ATTEMPTS: '2',
    }),
    createLogger('silent'),
    { runtime: { now: () => clock.now } },
  );
  loket.senders.set('telegram', {
    channel: 'telegram',
    send: (chatId, replies) => {
      const answer = textAnswers.shift() ?? { ok: true };
      if (answer.ok) for (const r of replies) hear(chatId, `text: ${r.text}`);
      return Promise.resolve(answer);
    },
    sendFile: (chatId, file) => {
      const answer = fileAnswers.shift() ?? { ok: true };
      if (answer.ok) {
        hear(chatId, `file: ${file.filename}`);
        fileBytes.set(file.filename, file.bytes);
      }
      return Promise.resolve(answer);
    },
  });
});
afterAll(async () => {
  await loket.conn.dropDatabase().catch(() => undefined);
  await loket.stop();
});

/** A conversation of a fresh Telegram chat that budi holds. */
async function heldTicket() {
  const { ticket } = await loket.repos.handoffs.open({
    channel: 'telegram',
    chatId: `880${++chats}`,
    citizenName: 'Siti',
    reason: 'asked',
    priority: false,
    officeId: budi.officeId,
    createdAt: clock.now,
  });
  await loket.repos.handoffs.claim(ticket.id, budi.id, clock.now);
  return ticket;
}

function deps() {
  return {
    handoffs: loket.repos.handoffs,
    events: loket.repos.events,
    documents: loket.repos.documents,
    push: loket.push,
    now: () => clock.now,
    files: { uploadMaxBytes: 1_000_000, allowedTypes: ['application/pdf'], outbound: loket.files },
    handoffFiles: { outbound: loket.files },
  };
}

const later = async (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
  await loket.outbound.pass();
};

const lineDelivery = async (id: string) => (await loket.repos.handoffs.get(id))?.transcript.at(-1)?.delivery;

describe("an officer's file on the outbound path", () => {
  it('should retry a file whose first send failed and deliver it once, after the line announcing it', async () => {
    const ticket = await heldTicket();
    fileAnswers.push({ ok: false, reason: 'retry', error: 'ETIMEDOUT' });
    const r = await sendHandoffFile(deps(), budi, ticket.id, {
      filename: 'formulir.pdf',
      bytes: fixture('surat.pdf'),
      caption: 'Isi formulir ini ya',
    });
    expect(r.notified).toBe(false);
    expect(heard.get(ticket.chatId)).toEqual([expect.stringMatching(/^text: .*Isi formulir ini ya/)]);
    expect(await lineDelivery(ticket.id)).toMatchObject({ state: 'failed', reason: 'retry' });

    await later(60_000);
    await later(60_000);
    expect(heard.get(ticket.chatId)).toEqual([
      expect.stringMatching(/^text: .*Isi formulir ini ya/),
      'file: formulir.pdf',
    ]);
    // The retry's outcome reaches the officer's line.
    expect(await lineDelivery(ticket.id)).toMatchObject({ state: 'sent' });
    // Sealed at rest, the file reaches the citizen byte for byte.
    expect(fileBytes.get('formulir.pdf')?.equals(fixture('surat.pdf'))).toBe(true);
  });

  it('should keep the file behind its announcing line while that line is retried', async () => {
    const ticket = await heldTicket();
    textAnswers.push({ ok: false, reason: 'retry', error: 'ECONNRESET' });
    const r = await sendHandoffFile(deps(), budi, ticket.id, {
      filename: 'contoh-isian.pdf',
      bytes: fixture('surat.pdf'),
    });
    expect(r.notified).toBe(false);
    expect(heard.get(ticket.chatId)).toBeUndefined();
    await later(60_000);
    expect(heard.get(ticket.chatId)).toEqual([
      expect.stringMatching(/^text: .*📎 contoh-isian\.pdf/),
      'file: contoh-isian.pdf',
    ]);
    expect(await lineDelivery(ticket.id)).toMatchObject({ state: 'sent' });
  });

  it('should show a file that failed for good on the deliveries page, and send it again when the officer asks', async () => {
    const ticket = await heldTicket();
    const refused: SendResult = { ok: false, reason: 'retry', error: 'HTTP 502' };
    fileAnswers.push(refused, refused);
    await sendHandoffFile(deps(), budi, ticket.id, { filename: 'surat-rt.pdf', bytes: fixture('surat.pdf') });
    await later(60_000);
    const index = (await loket.repos.handoffs.get(ticket.id))!.transcript.length - 1;
    expect(await loket.repos.outbox.get(`handoff-file:${ticket.id}:${index}`)).toMatchObject({
      status: 'failed',
      attempts: 2,
    });
    expect(await lineDelivery(ticket.id)).toMatchObject({ state: 'failed' });

    const admin: OfficerActor = { ...budi, id: 'adm', role: 'admin', officeId: '31' };
    const page = await listUndelivered(loket.repos, admin, { limit: 50, offset: 0 });
    const html = renderFragment(
      <DeliveriesView lang="id" query={{}} result={page} paging={{ limit: 50, offset: 0 }} />,
    );
    expect(html).toContain('📎 surat-rt.pdf');
    expect(html).toContain('HTTP 502');

    const again = await retryReply(deps(), budi, ticket.id, index);
    expect(again.notified).toBe(true);
    expect(heard.get(ticket.chatId)?.filter((l) => l === 'file: surat-rt.pdf')).toHaveLength(1);
    expect(await lineDelivery(ticket.id)).toMatchObject({ state: 'sent' });
  });

  it('should fail a file whose document is gone at once, the chat going on', async () => {
    const ticket = await heldTicket();
    const r = await sendHandoffFile(
      { ...deps(), files: { ...deps().files, outbound: { deliver: () => Promise.resolve() } } },
      budi,
      ticket.id,
      { filename: 'hilang.pdf', bytes: fixture('surat.pdf') },
    );
    await loket.repos.documents.delete(r.attachment.documentId);
    await expect(
      loket.files.deliver({
        chat: { channel: 'telegram', chatId: ticket.chatId },
        key: `gone:${ticket.id}`,
        file: { kind: 'document', documentId: r.attachment.documentId, filename: 'hilang.pdf' },
      }),
    ).rejects.toMatchObject({ reason: 'failed' });
    expect(await loket.repos.outbox.get(`gone:${ticket.id}`)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'file no longer stored',
    });
  });
});
