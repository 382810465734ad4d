import { afterEach, describe, expect, it } from '@jest/globals';
import { initAuthCreds } from '@whiskeysockets/baileys';
import { createWhatsAppChannel, type WhatsAppChannel } from '../../../src/adapters/whatsapp/channel.js';
import { normalizePhone } from '../../../src/adapters/whatsapp/connection.js';
import type { HandleInbound } from '../../../src/app/inbound.js';
import { MemoryAuthStore, MemoryLeases, fakeSockets, silentLogger, waitFor } from './helpers.js';

const noop: HandleInbound = () => Promise.resolve({ status: 'processed', replies: [] });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Leases that never lapse by themselves: every claim and renewal is dated at one moment. */
class StillClockLeases extends MemoryLeases {
  private readonly at = new Date();
  override acquire(name: string, holder: string, ttlMs: number) {
    return super.acquire(name, holder, ttlMs, this.at);
  }
  override renew(name: string, holder: string, ttlMs: number, _now?: Date, note?: string) {
    return super.renew(name, holder, ttlMs, this.at, note);
  }
}

describe('WhatsApp connection (pairing, disconnect reasons, lease)', () => {
  const started: WhatsAppChannel[] = [];
  afterEach(async () => {
    for (const c of started.splice(0)) await c.stop();
  });

  function make(
    store = new MemoryAuthStore(),
    leases = new MemoryLeases(),
    extra: Partial<Parameters<typeof createWhatsAppChannel>[0]> = {},
  ) {
    const sockets = fakeSockets();
    const qrs: string[] = [];
    const channel = createWhatsAppChannel({
      handleInbound: noop,
      logger: silentLogger,
      store,
      leases,
      socketFactory: sockets.factory,
      printQr: (qr) => qrs.push(qr),
      reconnect: { baseMs: 5, maxMs: 20, maxAttempts: 2 },
      leaseTtlMs: 300,
      ...extra,
    });
    started.push(channel);
    return { channel, sockets, qrs, store, leases };
  }

  it('should show the QR while unpaired, save the login on creds.update, and be open after the scan', async () => {
    const { channel, sockets, qrs, store } = make();
    await channel.start();
    const sock = sockets.last();
    expect(channel.session.status().state).toBe('connecting');
    sock.qr('QR-1');
    expect(qrs).toEqual(['QR-1']);
    expect(channel.session.status()).toMatchObject({ state: 'pairing', qr: 'QR-1', leaseOurs: true });
    // The scan: Baileys fills in `me` and emits creds.update.
    sock.opts.auth.creds.me = { id: '6281100000000:7@s.whatsapp.net', name: 'Loket' };
    sock.ev.emit('creds.update', { me: sock.opts.auth.creds.me });
    sock.open();
    await waitFor(() => store.creds?.includes('6281100000000'));
    expect(channel.session.status()).toMatchObject({
      state: 'open',
      account: '6281100000000:7@s.whatsapp.net',
    });
    expect(channel.session.status().qr).toBeUndefined();
  });

  it('should never show a QR again while a stored login exists (restart resumes without pairing)', async () => {
    const store = new MemoryAuthStore();
    const creds = { ...initAuthCreds(), me: { id: '6281100000000:7@s.whatsapp.net' } };
    const { BufferJSON } = await import('@whiskeysockets/baileys');
    store.creds = JSON.stringify(creds, BufferJSON.replacer);
    const { channel, sockets, qrs } = make(store);
    await channel.start();
    const sock = sockets.last();
    expect(sock.opts.auth.creds.me?.id).toBe('6281100000000:7@s.whatsapp.net');
    expect(Buffer.isBuffer(sock.opts.auth.creds.noiseKey.private)).toBe(true);
    sock.qr('QR-SHOULD-NOT-SHOW');
    expect(qrs).toEqual([]);
    expect(channel.session.status().qr).toBeUndefined();
  });

  it('should ask for a pairing code for WHATSAPP_PAIRING_NUMBER when WhatsApp is ready to pair', async () => {
    const { channel, sockets } = make(undefined, undefined, { pairingNumber: '6281234567890' });
    await channel.start();
    sockets.last().qr();
    await waitFor(() => channel.session.status().pairingCode);
    expect(sockets.last().pairingRequests).toEqual(['6281234567890']);
    expect(channel.session.status().pairingCode).toBe('ABCD1234');
    await expect(channel.session.requestPairingCode('nomor saya')).rejects.toThrow('Nomor HP tidak valid');
    expect(await channel.session.requestPairingCode('0812-3456-7891')).toBe('ABCD1234');
    expect(sockets.last().pairingRequests).toEqual(['6281234567890', '6281234567891']);
  });

  it('should reconnect after transient drops with the same login, and give up visibly after the bound', async () => {
    const { channel, sockets } = make();
    await channel.start();
    sockets.last().opts.auth.creds.me = { id: '6281100000000:7@s.whatsapp.net' };
    sockets.last().open();
    sockets.last().close(428, 'Connection Closed');
    await waitFor(() => sockets.sockets.length === 2);
    expect(sockets.auths[1]!.creds).toBe(sockets.auths[0]!.creds);
    expect(channel.session.status()).toMatchObject({
      state: 'reconnecting',
      reconnects: 1,
      lastDisconnect: { code: 428, reason: 'connectionClosed: Connection Closed' },
    });
    sockets.last().close(408, 'Connection Lost');
    await waitFor(() => sockets.sockets.length === 3);
    sockets.last().close(503, 'Service Unavailable');
    await sleep(60);
    expect(sockets.sockets).toHaveLength(3);
    const s = channel.session.status();
    expect(s.state).toBe('failed');
    expect(s.alert).toContain('setelah 2 percobaan');
    expect(s.alert).toContain('unavailableService');
    await channel.session.restart();
    expect(sockets.sockets).toHaveLength(4);
    sockets.last().open();
    expect(channel.session.status()).toMatchObject({ state: 'open', reconnects: 0 });
    expect(channel.session.status().alert).toBeUndefined();
  });

  it('should reconnect at once when WhatsApp asks for a restart after pairing (515)', async () => {
    const { channel, sockets } = make(undefined, undefined, { reconnect: { baseMs: 10_000, maxMs: 10_000 } });
    await channel.start();
    sockets.last().close(515, 'Stream Errored (restart required)');
    await waitFor(() => sockets.sockets.length === 2, 1000);
    expect(channel.session.status().reconnects).toBe(0);
  });

  it('should clear the login on logged-out, alert, and wait for a new pairing with fresh credentials', async () => {
    const { channel, sockets, store, qrs } = make();
    await channel.start();
    const first = sockets.last();
    first.opts.auth.creds.me = { id: '6281100000000:7@s.whatsapp.net' };
    first.ev.emit('creds.update', {});
    first.open();
    await waitFor(() => store.creds);
    store.keys.set('session|x', '{}');
    first.close(401, 'Connection Failure');
    await waitFor(() => sockets.sockets.length === 2);
    expect(store.clears).toBe(1);
    expect(store.keys.size).toBe(0);
    expect(sockets.auths[1]!.creds.me).toBeUndefined();
    expect(channel.session.status()).toMatchObject({ lastDisconnect: { code: 401 } });
    expect(channel.session.status().alert).toContain('logged out');
    sockets.last().qr('QR-NEW');
    expect(qrs).toEqual(['QR-NEW']);
    expect(channel.session.status()).toMatchObject({ state: 'pairing', qr: 'QR-NEW' });
    expect(channel.session.status().alert).toContain('Pindai kode QR baru');
  });

  it('should stop on a conflict instead of fighting, and connect again only when an admin asks', async () => {
    const { channel, sockets } = make();
    await channel.start();
    sockets.last().open();
    sockets.last().close(440, 'Stream Errored (conflict)');
    await sleep(60);
    expect(sockets.sockets).toHaveLength(1);
    const s = channel.session.status();
    expect(s.state).toBe('conflict');
    expect(s.lastDisconnect).toMatchObject({ code: 440, reason: expect.stringContaining('conflict') });
    expect(s.alert).toContain('dibuka di server atau perangkat lain');
    await channel.session.restart();
    expect(sockets.sockets).toHaveLength(2);
  });

  it('should stop asking for QRs when nobody scans them in time', async () => {
    const { channel, sockets } = make();
    await channel.start();
    sockets.last().qr();
    sockets.last().close(408, 'QR refs attempts ended');
    await sleep(60);
    expect(sockets.sockets).toHaveLength(1);
    expect(channel.session.status()).toMatchObject({
      state: 'failed',
      alert: expect.stringContaining('QR kedaluwarsa'),
    });
  });

  it('should unpair on request: log out, forget the login, offer a new QR', async () => {
    const { channel, sockets, store } = make();
    await channel.start();
    sockets.last().opts.auth.creds.me = { id: '6281100000000:7@s.whatsapp.net' };
    sockets.last().ev.emit('creds.update', {});
    sockets.last().open();
    await waitFor(() => store.creds);
    await channel.session.unpair();
    expect(sockets.sockets[0]!.loggedOut).toBe(true);
    await waitFor(() => sockets.sockets.length === 2);
    expect(store.clears).toBe(1);
    expect(channel.session.status().alert).toContain('dilepas oleh admin');
  });

  it('should tell the admin when the login could not be cleared, and connect again with the old one', async () => {
    const { channel, sockets, store } = make();
    await channel.start();
    sockets.last().open();
    sockets.last().close(440, 'Stream Errored (conflict)');
    store.clear = () => Promise.reject(new Error('database unreachable'));
    await expect(channel.session.unpair()).rejects.toMatchObject({
      name: 'WhatsAppSessionError',
      message: expect.stringContaining('Login WhatsApp belum terhapus'),
    });
    expect(sockets.sockets).toHaveLength(2);
    expect(sockets.auths[1]!.creds).toBe(sockets.auths[0]!.creds);
  });

  it('should pass a failed pairing-code request on to the admin at once', async () => {
    const { channel, sockets } = make();
    await channel.start();
    sockets.last().requestPairingCode = () => Promise.reject(new Error('rate-overlimit'));
    sockets.last().qr();
    await expect(channel.session.requestPairingCode('081234567890')).rejects.toThrow('rate-overlimit');
  });

  it('should let one process own the number: the other stands by and takes over when the lease lapses', async () => {
    const leases = new MemoryLeases();
    const store = new MemoryAuthStore();
    // A lease long enough that a loaded machine never lets it lapse between a's renewals; stopping
    // a gives it up at once, and b retries after half of it.
    const a = make(store, leases, { holder: 'server-a', leaseTtlMs: 2000 });
    const b = make(store, leases, { holder: 'server-b', leaseTtlMs: 2000 });
    await a.channel.start();
    await b.channel.start();
    expect(a.sockets.sockets).toHaveLength(1);
    expect(b.sockets.sockets).toHaveLength(0);
    expect(b.channel.session.status()).toMatchObject({
      state: 'standby',
      leaseHolder: 'server-a',
      leaseOurs: false,
    });
    await a.channel.stop();
    await waitFor(() => b.sockets.sockets.length === 1, 3000);
    expect(b.channel.session.status()).toMatchObject({ leaseHolder: 'server-b', leaseOurs: true });
    expect(a.sockets.sockets[0]!.ended).toBe(true);
  });

  it("should show, while standing by, the holder's state (a conflict there needs a person here too)", async () => {
    // The lease must stay server-a's however slowly this machine runs: its clock stands still,
    // while the renewals and server-b's looks still run on their real timers.
    const leases = new StillClockLeases();
    const a = make(undefined, leases, { holder: 'server-a' });
    const b = make(undefined, leases, { holder: 'server-b' });
    await a.channel.start();
    await b.channel.start();
    a.sockets.last().open();
    // server-a renews every 100 ms with its state; server-b looks again every 150 ms.
    await waitFor(() => b.channel.session.status().holderState === 'open', 5000);
    a.sockets.last().close(440, 'Stream Errored (conflict)');
    await waitFor(() => b.channel.session.status().holderState === 'conflict', 5000);
    expect(b.channel.session.status()).toMatchObject({
      state: 'standby',
      leaseHolder: 'server-a',
      leaseOurs: false,
    });
    expect(b.sockets.sockets).toHaveLength(0);
    expect(a.channel.session.status()).not.toHaveProperty('holderState');
  });

  it('should close its socket when the lease is taken over (it stopped renewing in time)', async () => {
    const leases = new MemoryLeases();
    const a = make(undefined, leases, { holder: 'server-a' });
    await a.channel.start();
    a.sockets.last().open();
    // Another process took the lapsed lease while this one was stalled.
    leases.rows.set('whatsapp:default', {
      name: 'whatsapp:default',
      holder: 'server-b',
      expiresAt: new Date(Date.now() + 60_000),
    });
    await waitFor(() => a.sockets.last().ended, 2000);
    expect(a.channel.session.status()).toMatchObject({
      state: 'standby',
      leaseHolder: 'server-b',
      leaseOurs: false,
    });
  });

  it('should normalise Indonesian phone numbers for pairing', () => {
    expect(normalizePhone('0812-3456-7890')).toBe('6281234567890');
    expect(normalizePhone('+62 812 3456 7890')).toBe('6281234567890');
    expect(normalizePhone('12')).toBeUndefined();
    expect(normalizePhone('0812abc')).toBeUndefined();
  });
});
