import { describe, expect, it } from '@jest/globals';
import type { Reply } from '../../src/dialogue/types.js';
import type { ChannelSender } from '../../src/ports/channel-sender.js';
import type { WhatsAppState } from '../../src/ports/whatsapp-session.js';
import { withCloudFailover } from '../../src/main/whatsapp-failover.js';

function recordingSender(channel: 'whatsapp' | 'wa_cloud', ready = true) {
  const sent: Array<{ chatId: string; replies: Reply[]; messageId?: string }> = [];
  const sender: ChannelSender = {
    channel,
    ready: () => ready,
    send: (chatId, replies, options) => {
      sent.push({ chatId, replies, ...(options?.messageId ? { messageId: options.messageId } : {}) });
      return Promise.resolve({ ok: true });
    },
  };
  return { sender, sent };
}

describe('WhatsApp failover to the Cloud API number', () => {
  const t0 = new Date('2026-12-07T01:00:00Z');
  const setup = (state: WhatsAppState, minutesAgo: number) => {
    const clock = { now: new Date(t0.getTime() + minutesAgo * 60_000) };
    const baileys = recordingSender('whatsapp', state === 'open');
    const cloud = recordingSender('wa_cloud');
    const session = { status: () => ({ state, since: t0, reconnects: 0, badMacCount: 0, leaseOurs: true }) };
    const sender = withCloudFailover(baileys.sender, session, cloud.sender, 15 * 60_000, () => clock.now);
    return { sender, baileys, cloud };
  };
  const notice: Reply[] = [{ kind: 'text', text: 'Pembaruan permohonan' }];

  it('should keep sending through Baileys while its session is open, however long', async () => {
    const { sender, baileys, cloud } = setup('open', 600);
    expect(sender.path()).toBe('baileys');
    await sender.send('6281234567890@s.whatsapp.net', notice, { messageId: 'status:a:2' });
    expect(baileys.sent).toHaveLength(1);
    expect(cloud.sent).toHaveLength(0);
  });

  it('should wait the configured minutes after a logout before failing over', async () => {
    const early = setup('logged_out', 14);
    expect(early.sender.path()).toBe('baileys');
    expect(early.sender.ready!()).toBe(false);
    const late = setup('logged_out', 15);
    expect(late.sender.path()).toBe('cloud');
    expect(late.sender.ready!()).toBe(true);
    await late.sender.send('6281234567890@s.whatsapp.net', notice, { messageId: 'status:a:2' });
    expect(late.cloud.sent).toEqual([{ chatId: '6281234567890', replies: notice, messageId: 'status:a:2' }]);
    expect(late.baileys.sent).toHaveLength(0);
  });

  it('should fail over on conflict and stopped too, and refuse a chat id with no number', async () => {
    expect(setup('conflict', 20).sender.path()).toBe('cloud');
    expect(setup('stopped', 20).sender.path()).toBe('cloud');
    expect(setup('reconnecting', 120).sender.path()).toBe('baileys');
    const { sender } = setup('logged_out', 30);
    expect(await sender.send('12036302@g.us', notice)).toMatchObject({ ok: false, reason: 'unreachable' });
  });

  it('should tell each number of the new number once, before its first message on the Cloud API path', async () => {
    const clock = { now: new Date(t0.getTime() + 30 * 60_000) };
    const baileys = recordingSender('whatsapp', false);
    const cloud = recordingSender('wa_cloud');
    const session = {
      status: () => ({
        state: 'logged_out' as const,
        since: t0,
        reconnects: 0,
        badMacCount: 0,
        leaseOurs: true,
      }),
    };
    const told = new Set<string>();
    const log: string[] = [];
    let failNotice = true;
    const notice = {
      told: (n: string) => Promise.resolve(told.has(n)),
      send: (n: string) => {
        log.push(`notice ${n}`);
        if (failNotice) {
          failNotice = false;
          return Promise.resolve({ ok: false as const, reason: 'retry' as const, error: 'graph 500' });
        }
        return Promise.resolve({ ok: true as const, providerIds: ['wamid.notice'] });
      },
      mark: (n: string) => {
        told.add(n);
        return Promise.resolve();
      },
    };
    const sender = withCloudFailover(
      baileys.sender,
      session,
      cloud.sender,
      15 * 60_000,
      () => clock.now,
      notice,
    );
    const chat = '6281234567890@s.whatsapp.net';
    // The notice failed: the message waits (retried by the outbound path), never sent without it.
    expect(await sender.send(chat, [{ kind: 'text', text: 'a' }])).toEqual({
      ok: false,
      reason: 'retry',
      error: 'graph 500',
    });
    expect(cloud.sent).toHaveLength(0);
    expect(await sender.send(chat, [{ kind: 'text', text: 'a' }], { messageId: 'status:a:2' })).toEqual({
      ok: true,
      providerIds: ['wamid.notice'],
    });
    await sender.send(chat, [{ kind: 'text', text: 'b' }], { messageId: 'status:a:3' });
    expect(log).toEqual(['notice 6281234567890', 'notice 6281234567890']);
    expect(cloud.sent.map((s) => s.messageId)).toEqual(['status:a:2', 'status:a:3']);
    expect([...told]).toEqual(['6281234567890']);
  });

  it('should count the minutes from the logout while the session waits for a new pairing, and start over once open', () => {
    const clock = { now: t0 };
    const status = { state: 'logged_out' as WhatsAppState, since: t0 };
    const session = { status: () => ({ ...status, reconnects: 0, badMacCount: 0, leaseOurs: true }) };
    const sender = withCloudFailover(
      recordingSender('whatsapp').sender,
      session,
      recordingSender('wa_cloud').sender,
      15 * 60_000,
      () => clock.now,
    );
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect(sender.path()).toBe('baileys');
    // A logout clears the login and waits for a QR scan: the state changes, the number is still lost.
    Object.assign(status, { state: 'pairing', since: at(1) });
    clock.now = at(14);
    expect(sender.path()).toBe('baileys');
    clock.now = at(15);
    expect(sender.path()).toBe('cloud');
    Object.assign(status, { state: 'open', since: at(20) });
    expect(sender.path()).toBe('baileys');
    Object.assign(status, { state: 'connecting', since: at(30) });
    clock.now = at(40);
    expect(sender.path()).toBe('baileys');
    clock.now = at(45);
    expect(sender.path()).toBe('cloud');
  });
});
