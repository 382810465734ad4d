import { afterEach, describe, expect, it } from '@jest/globals';
import { generateMessageIDV2 } from '@whiskeysockets/baileys';
import type { WhatsAppChannel } from '../../../src/adapters/whatsapp/channel.js';
import { RecentMessages } from '../../../src/adapters/whatsapp/recent-messages.js';
import { createSendQueue } from '../../../src/adapters/whatsapp/send-queue.js';
import {
  createWhatsAppSender,
  makeSendReplies,
  partMessageId,
} from '../../../src/adapters/whatsapp/sender.js';
import type { WhatsAppSocket } from '../../../src/adapters/whatsapp/socket.js';
import type { Reply } from '../../../src/dialogue/types.js';
import { CITIZEN_JID, FakeSocket, fakeSocketChannel, silentLogger } from './helpers.js';

const THREE: Reply[] = [
  { kind: 'text', text: 'Permohonan Anda kami terima.' },
  { kind: 'text', text: 'Nomor pelacakan: *PTSP-2612-ABCD7*' },
  { kind: 'text', text: 'Terima kasih.' },
];

describe('WhatsApp sender: message ids from the outbound record, retries without repeats', () => {
  const channels: WhatsAppChannel[] = [];
  afterEach(async () => {
    for (const c of channels.splice(0)) await c.stop();
  });

  async function openChannel() {
    const made = fakeSocketChannel();
    channels.push(made.channel);
    await made.channel.start();
    const sock = made.sockets.last();
    sock.open();
    return { channel: made.channel, sock };
  }

  it("should name each part after the record, in Baileys' own id shape, the same in a restarted process", async () => {
    const first = await openChannel();
    expect(await first.channel.sender.send(CITIZEN_JID, THREE, { messageId: 'outbox-1' })).toEqual({
      ok: true,
    });
    const ids = [0, 1, 2].map((part) => partMessageId('outbox-1', part));
    expect(first.sock.sentIds).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    const baileys = generateMessageIDV2();
    for (const id of ids) {
      expect(id).toMatch(/^3EB0[0-9A-F]{18}$/);
      expect(id).toHaveLength(baileys.length);
    }

    // A crash before the record was marked sent: the next process sends it with the same ids.
    await first.channel.stop();
    const second = await openChannel();
    await second.channel.sender.send(CITIZEN_JID, THREE, { messageId: 'outbox-1' });
    expect(second.sock.sentIds).toEqual(ids);
    await second.channel.sender.send(CITIZEN_JID, THREE.slice(0, 1), { messageId: 'outbox-2' });
    expect(second.sock.sentIds[3]).toBe(partMessageId('outbox-2', 0));
    expect(ids).not.toContain(second.sock.sentIds[3]);
  });

  it('should answer retry when the connection drops halfway, and send only the rest on the retry', async () => {
    const { channel, sock } = await openChannel();
    const send = sock.sendMessage.bind(sock);
    sock.sendMessage = async (jid, content, options) => {
      const sent = await send(jid, content, options);
      // The connection breaks right after the first part went out.
      if (sock.sent.length === 1) sock.failSends = 1;
      return sent;
    };
    const broken = await channel.sender.send(CITIZEN_JID, THREE, { messageId: 'outbox-7' });
    expect(broken).toMatchObject({ ok: false, reason: 'retry' });
    expect(sock.texts()).toEqual([THREE[0]!.text]);

    expect(await channel.sender.send(CITIZEN_JID, THREE, { messageId: 'outbox-7' })).toEqual({ ok: true });
    expect(sock.texts()).toEqual(THREE.map((r) => r.text));
    expect(sock.sentIds).toEqual([0, 1, 2].map((part) => partMessageId('outbox-7', part)));
  });

  it('should answer retry, not drop the send, when the queue is full or no socket is open', async () => {
    const queue = createSendQueue({ minIntervalMs: 0, maxWaiting: 1 });
    const sock = new FakeSocket({} as never);
    let open: WhatsAppSocket | undefined = sock;
    const replies = makeSendReplies({ socket: () => open, queue, recent: new RecentMessages() });
    const sender = createWhatsAppSender(replies, silentLogger, () => open !== undefined);

    let unblock = () => undefined as void;
    const blocker = queue.run(() => new Promise<void>((resolve) => (unblock = resolve)));
    const full = await sender.send(CITIZEN_JID, THREE.slice(0, 1), { messageId: 'outbox-9' });
    expect(full).toMatchObject({ ok: false, reason: 'retry', error: expect.stringContaining('full') });
    unblock();
    await blocker;

    open = undefined;
    const closed = await sender.send(CITIZEN_JID, THREE.slice(0, 1), { messageId: 'outbox-9' });
    expect(closed).toMatchObject({ ok: false, reason: 'retry', error: 'whatsapp is not connected' });
    expect(sock.sent).toHaveLength(0);

    open = sock;
    expect(await sender.send(CITIZEN_JID, THREE.slice(0, 1), { messageId: 'outbox-9' })).toEqual({
      ok: true,
    });
    expect(sock.sentIds).toEqual([partMessageId('outbox-9', 0)]);
  });
});
