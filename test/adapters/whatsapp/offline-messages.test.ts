import { afterEach, describe, expect, it } from '@jest/globals';
import { proto, type WAMessage } from '@whiskeysockets/baileys';
import type { WhatsAppChannel, WhatsAppChannelOptions } from '../../../src/adapters/whatsapp/channel.js';
import type { HandleInbound, InboundMessage } from '../../../src/app/inbound.js';
import { CITIZEN_JID, fakeSocketChannel, incoming } from './helpers.js';

const HOUR = 3600;

/** A received message sent `ageSeconds` ago by the citizen's phone. */
function sentAgo(ageSeconds: number, message: proto.IMessage, id?: string): WAMessage {
  const m = incoming(message, id ? { id } : {});
  m.messageTimestamp = Math.floor(Date.now() / 1000) - ageSeconds;
  return m;
}

/** A use case that answers each message once and calls a message it saw before a duplicate. */
function useCase() {
  const received: InboundMessage[] = [];
  const handled = new Set<string>();
  const handle: HandleInbound = (m) => {
    received.push(m);
    if (handled.has(m.messageId)) return Promise.resolve({ status: 'duplicate', replies: [] });
    handled.add(m.messageId);
    const text = m.content.kind === 'text' ? m.content.text : m.content.kind;
    return Promise.resolve({ status: 'processed', replies: [{ kind: 'text', text: `Dijawab: ${text}` }] });
  };
  return { handle, received, handled };
}

describe('WhatsApp messages kept while Loket was offline (fake socket with a real Baileys event emitter)', () => {
  let channel: WhatsAppChannel | undefined;
  afterEach(async () => {
    await channel?.stop();
    channel = undefined;
  });

  async function open(handle: HandleInbound, extra: Partial<WhatsAppChannelOptions> = {}) {
    const made = fakeSocketChannel({ handleInbound: handle, retryDelaysMs: [], ...extra });
    channel = made.channel;
    await channel.start();
    const sock = made.sockets.last();
    sock.open();
    return { sock, channel };
  }

  it("should answer a citizen's message delivered on reconnect as append, in order, but not history, our own or one handled before", async () => {
    const uc = useCase();
    uc.handled.add('HANDLED-BEFORE');
    const { sock, channel: ch } = await open(uc.handle);
    sock.deliverOffline(
      sentAgo(20 * 60, { conversation: 'saya mau buat KTP' }, 'OFF-1'),
      sentAgo(19 * 60, { conversation: 'halo?' }, 'OFF-2'),
      sentAgo(30 * HOUR, { conversation: 'pesan lama' }, 'OLD-1'),
      sentAgo(10 * 60, { conversation: 'sudah dijawab' }, 'HANDLED-BEFORE'),
    );
    const own = sentAgo(60, { conversation: 'dari kami' }, 'OWN-1');
    own.key.fromMe = true;
    const noTime = incoming({ conversation: 'tanpa waktu' }, { id: 'NO-TIME' });
    noTime.messageTimestamp = null;
    sock.deliverOffline(own, noTime);
    await ch.idle();
    expect(sock.texts()).toEqual(['Dijawab: saya mau buat KTP', 'Dijawab: halo?']);
    expect(sock.sent.every((s) => s.jid === CITIZEN_JID)).toBe(true);
    expect(uc.received.map((m) => m.messageId)).toEqual(['OFF-1', 'OFF-2', 'HANDLED-BEFORE']);
    expect(sock.reads.map((k) => k.id)).toEqual(['OFF-1', 'OFF-2', 'HANDLED-BEFORE']);
  });

  it('should take the backlog age from the options', async () => {
    const uc = useCase();
    const { sock, channel: ch } = await open(uc.handle, { backlogMaxAgeMs: 60 * 60_000 });
    sock.deliverOffline(
      sentAgo(2 * HOUR, { conversation: 'dua jam lalu' }),
      sentAgo(30 * 60, { conversation: 'setengah jam lalu' }),
    );
    await ch.idle();
    expect(sock.texts()).toEqual(['Dijawab: setengah jam lalu']);
  });

  it('should answer a message delivered twice once: as append and then notify, or as notify twice', async () => {
    const uc = useCase();
    const { sock, channel: ch } = await open(uc.handle);
    const twice = sentAgo(5, { conversation: 'halo' }, 'TWICE-1');
    sock.deliverOffline(twice);
    sock.deliver(twice);
    const again = sentAgo(1, { conversation: 'lagi' }, 'TWICE-2');
    sock.deliver(again);
    await ch.idle();
    sock.deliver(again);
    const sticker = sentAgo(1, { stickerMessage: { mimetype: 'image/webp' } }, 'STICKER-1');
    sock.deliverOffline(sticker);
    sock.deliver(sticker);
    await ch.idle();
    expect(uc.received.map((m) => m.messageId)).toEqual(['TWICE-1', 'TWICE-2']);
    expect(sock.texts()).toEqual([
      'Dijawab: halo',
      'Dijawab: lagi',
      expect.stringContaining('hanya bisa membaca teks, foto, dan dokumen'),
    ]);
    expect(sock.reads.map((k) => k.id)).toEqual(['TWICE-1', 'TWICE-2', 'STICKER-1']);
  });

  it('should still answer a message that could not be decrypted once Baileys delivers it decrypted', async () => {
    const uc = useCase();
    const { sock, channel: ch } = await open(uc.handle);
    const broken = sentAgo(5, {}, 'RETRIED-1');
    broken.messageStubType = proto.WebMessageInfo.StubType.CIPHERTEXT;
    broken.messageStubParameters = ['No session'];
    sock.deliverOffline(broken);
    sock.deliver(sentAgo(5, { conversation: 'sekarang terbaca' }, 'RETRIED-1'));
    await ch.idle();
    expect(ch.session.status().badMacCount).toBe(1);
    expect(sock.texts()).toEqual(['Dijawab: sekarang terbaca']);
  });
});
