import { describe, expect, it } from '@jest/globals';
import { Sim, CONFIG } from './machine-sim.js';

describe('WhatsApp connection machine: what each disconnect code does', () => {
  it('should clear the login on a logout (401), alert with the time, and pair again', () => {
    const sim = Sim.open();
    const id = sim.socketId();
    sim.close(401);
    expect(sim.acts()).toEqual([
      { type: 'forget_socket', id },
      { type: 'forget_auth' },
      { type: 'set_timer', name: 'connect', ms: 1000 },
      { type: 'clear_auth_store' },
    ]);
    expect(sim.status).toMatchObject({
      state: 'logged_out',
      reconnects: 0,
      lastDisconnect: { code: 401, reason: 'loggedOut: Connection Failure', at: sim.now },
    });
    expect(sim.status.alert).toContain('WhatsApp keluar (logged out) pada 2026-01-05 03:04 UTC');
    // The clearing done, nothing more; the timer opens a socket on fresh credentials.
    expect(sim.feed({ type: 'auth_cleared' })).toEqual([]);
    sim.feed({ type: 'timer_fired', name: 'connect' });
    expect(sim.acts()).toContainEqual({ type: 'open_socket', id: id + 1 });
    expect(sim.status.state).toBe('connecting');
    expect(sim.status.alert).toContain('Pindai kode QR baru');
  });

  it('should log a failed clearing after a logout and carry on', () => {
    const sim = Sim.open();
    sim.close(401);
    expect(sim.feed({ type: 'auth_cleared', error: new Error('db down') })).toEqual([
      expect.objectContaining({ type: 'log', level: 'error', msg: 'whatsapp login not cleared' }),
    ]);
  });

  it('should stop on a conflict (440) and alert instead of fighting over the number', () => {
    const sim = Sim.open();
    sim.close(440);
    expect(sim.acts()).toEqual([{ type: 'forget_socket', id: 1 }]);
    expect(sim.status.state).toBe('conflict');
    expect(sim.status.alert).toContain(
      'dibuka di server atau perangkat lain (conflict) pada 2026-01-05 03:04 UTC',
    );
  });

  it.each([403, 411])('should stop when WhatsApp refuses the device (%i)', (code) => {
    const sim = Sim.open();
    sim.close(code);
    expect(sim.acts()).toEqual([{ type: 'forget_socket', id: 1 }]);
    expect(sim.status.state).toBe('failed');
    expect(sim.status.alert).toContain(`WhatsApp menolak sambungan (kode ${code})`);
  });

  it('should reconnect at once when WhatsApp asks for a restart (515), without counting an attempt', () => {
    const sim = Sim.held();
    sim.close(515, false);
    expect(sim.acts()).toEqual([
      { type: 'forget_socket', id: 1 },
      { type: 'set_timer', name: 'connect', ms: 0 },
    ]);
    expect(sim.status.reconnects).toBe(0);
  });

  it('should stop asking for QRs when nobody scanned them (408 while unpaired)', () => {
    const sim = Sim.held();
    sim.feed({ type: 'qr', id: 1, qr: 'QR', paired: false });
    sim.close(408, false);
    expect(sim.acts()).toEqual([{ type: 'forget_socket', id: 1 }]);
    expect(sim.status).toMatchObject({ state: 'failed', alert: expect.stringContaining('QR kedaluwarsa') });
    expect(sim.status).not.toHaveProperty('qr');
  });

  it.each([408, 428, 500, 503, 999, undefined])('should reconnect after a back-off on %s', (code) => {
    const sim = Sim.open();
    sim.close(code, true);
    expect(sim.acts()).toEqual([
      { type: 'forget_socket', id: 1 },
      { type: 'set_timer', name: 'connect', ms: 1000 },
    ]);
    expect(sim.status).toMatchObject({ state: 'reconnecting', reconnects: 1, lastDisconnect: { code } });
  });

  it('should treat a socket that could not be made as a drop to reconnect from', () => {
    const sim = new Sim();
    sim.feed({ type: 'start' });
    sim.feed({ type: 'lease_acquired', lease: { name: 'w', holder: 'a', expiresAt: sim.now } });
    sim.feed({ type: 'socket_failed', id: 1, error: new Error('store unreadable'), paired: false });
    expect(sim.logs()).toEqual(['whatsapp socket could not be opened', 'whatsapp connection closed']);
    expect(sim.acts()).toEqual([{ type: 'set_timer', name: 'connect', ms: 1000 }]);
    expect(sim.status).toMatchObject({ state: 'reconnecting', lastDisconnect: { code: undefined } });
    expect(sim.status.lastDisconnect?.reason).toBe('unknown: store unreadable');
  });

  it('should double the pause up to the cap, with jitter, and give up visibly after maxAttempts', () => {
    const sim = Sim.open({ ...CONFIG, reconnect: { baseMs: 1000, maxMs: 8000, maxAttempts: 5 } });
    const pauses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      sim.close(428);
      const timer = sim.acts().find((c) => c.type === 'set_timer');
      pauses.push(timer?.type === 'set_timer' ? timer.ms : -1);
      expect(sim.status).toMatchObject({ state: 'reconnecting', reconnects: attempt });
      sim.reconnect();
      expect(sim.status.state).toBe('reconnecting');
    }
    expect(pauses).toEqual([1000, 2000, 4000, 8000, 8000]);
    sim.close(503);
    expect(sim.acts()).toEqual([{ type: 'forget_socket', id: 6 }]);
    expect(sim.status.state).toBe('failed');
    expect(sim.status.alert).toContain('setelah 5 percobaan (terakhir: unavailableService');
    // Open again resets the count and the alert.
    sim.feed({ type: 'admin_restart' });
    sim.feed({ type: 'socket_created', id: 7 });
    sim.feed({ type: 'socket_opened', id: 7, account: undefined });
    expect(sim.status).toMatchObject({ state: 'open', reconnects: 0 });
    expect(sim.status).not.toHaveProperty('alert');
  });

  it('should spread the pause by a quarter either way with the random draw', () => {
    const low = Sim.open();
    low.random = 0;
    low.close(428);
    expect(low.acts()).toContainEqual({ type: 'set_timer', name: 'connect', ms: 750 });
    const high = Sim.open();
    high.random = 0.999;
    high.close(428);
    expect(high.acts()).toContainEqual({ type: 'set_timer', name: 'connect', ms: 1250 });
  });
});

describe('WhatsApp connection machine: admin requests', () => {
  it('should refuse a pairing code for a bad number, on a process not holding it, or while paired', () => {
    const refusal = (sim: Sim, phone: string, paired: boolean) => {
      const before = sim.state;
      const commands = sim.feed({ type: 'admin_pair', phone, paired });
      expect(sim.state).toEqual(before);
      return commands;
    };
    expect(refusal(Sim.held(), 'nomor saya', false)).toEqual([
      { type: 'refuse', message: 'Nomor HP tidak valid. Tulis dengan kode negara, misalnya 6281234567890.' },
    ]);
    const notHolder = 'Proses ini tidak memegang nomor WhatsApp; buka halaman di server pemegangnya.';
    expect(refusal(new Sim(), '081234567890', false)).toEqual([{ type: 'refuse', message: notHolder }]);
    const standby = new Sim();
    standby.feed({ type: 'start' });
    standby.feed({ type: 'lease_held_elsewhere', lease: { name: 'w', holder: 'b', expiresAt: standby.now } });
    expect(refusal(standby, '081234567890', false)).toEqual([{ type: 'refuse', message: notHolder }]);
    expect(refusal(Sim.open(), '081234567890', true)).toEqual([
      { type: 'refuse', message: 'Nomor sudah tersambung. Lepas dulu bila ingin memasangkan ponsel lain.' },
    ]);
    expect(standby.feed({ type: 'admin_unpair' })).toEqual([{ type: 'refuse', message: notHolder }]);
    expect(new Sim().feed({ type: 'admin_unpair' })).toEqual([{ type: 'refuse', message: notHolder }]);
  });

  it('should ask for the code on the socket showing a QR, and replace the code shown', () => {
    const sim = Sim.held({ ...CONFIG, pairingNumber: '6281234567890' });
    sim.feed({ type: 'qr', id: 1, qr: 'QR', paired: false });
    sim.feed({ type: 'pairing_code', id: 1, phone: '6281234567890', code: 'ABCD1234' });
    expect(sim.feed({ type: 'admin_pair', phone: '0812-3456-7891', paired: false })).toEqual([
      { type: 'request_pairing_code', id: 1, phone: '6281234567891' },
    ]);
    expect(sim.status).not.toHaveProperty('pairingCode');
  });

  it('should connect for a pairing code when no socket is open, and ask at the next QR', () => {
    const sim = Sim.held({ ...CONFIG, pairingNumber: '6281234567890' });
    sim.feed({ type: 'qr', id: 1, qr: 'QR', paired: false });
    sim.close(408, false);
    expect(sim.status.state).toBe('failed');
    sim.feed({ type: 'admin_pair', phone: '+62 812 3456 7891', paired: false });
    expect(sim.acts()).toEqual([
      { type: 'clear_timer', name: 'connect' },
      { type: 'open_socket', id: 2 },
    ]);
    sim.feed({ type: 'socket_created', id: 2 });
    sim.feed({ type: 'qr', id: 2, qr: 'QR-2', paired: false });
    expect(sim.acts()).toContainEqual({ type: 'request_pairing_code', id: 2, phone: '6281234567891' });
  });

  it('should let a logged-out process pair again although its old login is still loaded', () => {
    const sim = Sim.open();
    sim.close(401);
    expect(sim.feed({ type: 'admin_pair', phone: '081234567891', paired: true })).toContainEqual({
      type: 'open_socket',
      id: 2,
    });
  });

  it('should restart only what is down: a lease, a socket, or nothing', () => {
    expect(new Sim().feed({ type: 'admin_restart' })).toEqual([]);
    const standby = new Sim();
    standby.feed({ type: 'start' });
    standby.feed({ type: 'lease_held_elsewhere', lease: { name: 'w', holder: 'b', expiresAt: standby.now } });
    expect(standby.feed({ type: 'admin_restart' })).toEqual([{ type: 'acquire_lease' }]);
    expect(Sim.open().feed({ type: 'admin_restart' })).toEqual([]);
    const conflict = Sim.open();
    conflict.close(440);
    expect(conflict.feed({ type: 'admin_restart' })).toEqual([
      { type: 'clear_timer', name: 'acquire' },
      { type: 'clear_timer', name: 'connect' },
      { type: 'open_socket', id: 2 },
    ]);
    expect(conflict.status).toMatchObject({ state: 'connecting', reconnects: 0 });
  });

  it("should unpair an open session by WhatsApp's logout, and say the admin did it", () => {
    const sim = Sim.open();
    expect(sim.feed({ type: 'admin_unpair' })).toEqual([{ type: 'logout', id: 1 }]);
    sim.close(401);
    expect(sim.acts()).toContainEqual({ type: 'clear_auth_store' });
    expect(sim.status.alert).toContain('dilepas oleh admin');
    // A second logout afterwards is an ordinary one.
    sim.reconnect();
    sim.feed({ type: 'socket_opened', id: 2, account: undefined });
    sim.close(401);
    expect(sim.status.alert).toContain('WhatsApp keluar (logged out)');
  });

  it('should clear the login here when the logout fails or nothing is open, then pair afresh', () => {
    const sim = Sim.open();
    sim.feed({ type: 'admin_unpair' });
    sim.feed({ type: 'logout_failed', error: new Error('offline') });
    expect(sim.acts()).toEqual([
      { type: 'clear_timer', name: 'connect' },
      { type: 'clear_timer', name: 'acquire' },
      { type: 'close_socket', id: 1 },
      { type: 'clear_auth_store' },
    ]);
    sim.feed({ type: 'auth_cleared' });
    expect(sim.acts()).toEqual([
      { type: 'forget_auth' },
      { type: 'clear_timer', name: 'connect' },
      { type: 'open_socket', id: 2 },
    ]);
    // Logged out, and at once connecting for the new QR; the alert says why.
    expect(sim.status).toMatchObject({
      state: 'connecting',
      reconnects: 0,
      alert: expect.stringContaining('dilepas oleh admin'),
    });
    const failed = Sim.open();
    failed.close(403);
    expect(failed.feed({ type: 'admin_unpair' })).toContainEqual({ type: 'clear_auth_store' });
  });

  it('should reconnect with the old login and tell the admin when the login could not be cleared', () => {
    const sim = Sim.open();
    sim.close(440);
    sim.feed({ type: 'admin_unpair' });
    sim.feed({ type: 'auth_cleared', error: new Error('db down') });
    expect(sim.acts()).toEqual([
      { type: 'clear_timer', name: 'connect' },
      { type: 'open_socket', id: 2 },
      { type: 'refuse', message: expect.stringContaining('Login WhatsApp belum terhapus') },
    ]);
    expect(sim.state.unpair).toBe('none');
  });
});
