import { describe, expect, it } from '@jest/globals';
import type { WhatsAppState } from '../../../src/ports/whatsapp-session.js';
import { CONFIG, Sim, T0, leaseOf } from './machine-sim.js';

describe('WhatsApp connection machine: start, lease and socket', () => {
  it('should start connecting and ask for the lease, once', () => {
    const sim = new Sim();
    expect(sim.status).toMatchObject({ state: 'stopped', since: T0, reconnects: 0, leaseOurs: false });
    sim.now = new Date(T0.getTime() + 1000);
    expect(sim.feed({ type: 'start' })).toEqual([{ type: 'acquire_lease' }]);
    expect(sim.status).toMatchObject({ state: 'connecting', since: sim.now });
    expect(sim.feed({ type: 'start' })).toEqual([]);
  });

  it('should renew the lease it takes, read the login again, and open a socket', () => {
    const sim = new Sim();
    sim.feed({ type: 'start' });
    sim.feed({ type: 'lease_acquired', lease: leaseOf('server-a') });
    expect(sim.acts()).toEqual([
      { type: 'forget_auth' },
      { type: 'set_timer', name: 'renew', ms: 10_000 },
      { type: 'clear_timer', name: 'connect' },
      { type: 'open_socket', id: 1 },
    ]);
    expect(sim.status).toMatchObject({ state: 'connecting', leaseHolder: 'server-a', leaseOurs: true });
    expect(sim.feed({ type: 'socket_created', id: 1 })).toEqual([{ type: 'attach_socket', id: 1 }]);
    expect(sim.state.socket).toEqual({ id: 1, phase: 'live', pairingRequested: false });
  });

  it("should stand by while another process holds the number, showing the holder's state", () => {
    const sim = new Sim();
    sim.feed({ type: 'start' });
    sim.feed({ type: 'lease_held_elsewhere', lease: leaseOf('server-b', 'open') });
    expect(sim.acts()).toEqual([{ type: 'set_timer', name: 'acquire', ms: 15_000 }]);
    expect(sim.status).toMatchObject({
      state: 'standby',
      leaseHolder: 'server-b',
      leaseOurs: false,
      holderState: 'open',
    });
    expect(sim.feed({ type: 'timer_fired', name: 'acquire' })).toEqual([{ type: 'acquire_lease' }]);
    // A conflict there needs a person here too; a note that is no state shows nothing.
    sim.feed({ type: 'lease_held_elsewhere', lease: leaseOf('server-b', 'conflict') });
    expect(sim.status.holderState).toBe('conflict');
    sim.feed({ type: 'timer_fired', name: 'acquire' });
    sim.feed({ type: 'lease_held_elsewhere', lease: leaseOf('server-b', 'something else') });
    expect(sim.status).not.toHaveProperty('holderState');
    // The holder stopped: the lease is ours, its state no longer shown.
    sim.feed({ type: 'timer_fired', name: 'acquire' });
    sim.feed({ type: 'lease_acquired', lease: leaseOf('server-a') });
    expect(sim.status).toMatchObject({ state: 'connecting', leaseHolder: 'server-a', leaseOurs: true });
    expect(sim.status).not.toHaveProperty('holderState');
  });

  it('should ask for the lease again later when the lease store is unreachable', () => {
    const sim = new Sim();
    sim.feed({ type: 'start' });
    sim.feed({ type: 'lease_unreachable', error: new Error('db down') });
    expect(sim.acts()).toEqual([{ type: 'set_timer', name: 'acquire', ms: 15_000 }]);
    expect(sim.logs()).toEqual(['whatsapp lease not reachable; trying again']);
    expect(sim.status.state).toBe('connecting');
    expect(sim.feed({ type: 'timer_fired', name: 'acquire' })).toEqual([{ type: 'acquire_lease' }]);
  });

  it('should renew with its state as the note, and keep the connection when a renewal fails', () => {
    const sim = Sim.open();
    expect(sim.feed({ type: 'timer_fired', name: 'renew' })).toEqual([
      { type: 'renew_lease', note: 'open' },
      { type: 'set_timer', name: 'renew', ms: 10_000 },
    ]);
    expect(sim.feed({ type: 'lease_renewed' })).toEqual([]);
    sim.feed({ type: 'lease_renew_failed', error: new Error('db down') });
    expect(sim.acts()).toEqual([]);
    expect(sim.status).toMatchObject({ state: 'open', leaseOurs: true });
  });

  it('should step down when the lease is lost while open: read the new holder, then close the socket', () => {
    const sim = Sim.open();
    const id = sim.socketId();
    sim.feed({ type: 'lease_lost' });
    expect(sim.acts()).toEqual([
      { type: 'clear_timer', name: 'renew' },
      { type: 'clear_timer', name: 'acquire' },
      { type: 'clear_timer', name: 'connect' },
      { type: 'read_lease' },
    ]);
    expect(sim.logs()).toEqual(['whatsapp lease lost to another process: closing this connection']);
    expect(sim.status.leaseOurs).toBe(false);
    // Renewal timers that still fire do nothing, and neither does a restart, while stepping down.
    expect(sim.feed({ type: 'timer_fired', name: 'renew' })).toEqual([]);
    expect(sim.feed({ type: 'admin_restart' })).toEqual([]);
    sim.feed({ type: 'lease_read', lease: leaseOf('server-b', 'connecting') });
    expect(sim.acts()).toEqual([
      { type: 'close_socket', id },
      { type: 'set_timer', name: 'acquire', ms: 15_000 },
    ]);
    expect(sim.status).toMatchObject({
      state: 'standby',
      leaseHolder: 'server-b',
      leaseOurs: false,
      holderState: 'connecting',
    });
    // The old socket's late close is not ours to act on.
    expect(sim.feed({ type: 'socket_closed', id, code: 428, error: undefined, paired: true })).toEqual([]);
  });

  it('should stand by even when the new holder cannot be read', () => {
    const sim = Sim.open();
    sim.feed({ type: 'lease_lost' });
    sim.feed({ type: 'lease_read', lease: undefined });
    expect(sim.status).toMatchObject({ state: 'standby', leaseOurs: false });
  });

  it('should end a socket that arrives after it stopped wanting it', () => {
    const sim = new Sim();
    sim.feed({ type: 'start' });
    sim.feed({ type: 'lease_acquired', lease: leaseOf('server-a') });
    sim.feed({ type: 'stop' });
    expect(sim.feed({ type: 'socket_created', id: 1 })).toEqual([{ type: 'close_socket', id: 1 }]);
  });

  it('should show the QR while unpaired, and never while a login is stored', () => {
    const sim = Sim.held();
    const id = sim.socketId();
    expect(sim.feed({ type: 'qr', id, qr: 'QR-1', paired: true })).toEqual([
      expect.objectContaining({ level: 'error' }),
    ]);
    expect(sim.status.state).toBe('connecting');
    sim.feed({ type: 'qr', id, qr: 'QR-1', paired: false });
    expect(sim.acts()).toEqual([{ type: 'print_qr', qr: 'QR-1' }]);
    expect(sim.status).toMatchObject({ state: 'pairing', qr: 'QR-1' });
    sim.feed({ type: 'socket_opened', id, account: '6281100000000:7@s.whatsapp.net' });
    expect(sim.status).toMatchObject({ state: 'open', account: '6281100000000:7@s.whatsapp.net' });
    expect(sim.status).not.toHaveProperty('qr');
  });

  it('should ask for a pairing code for the configured number once per socket', () => {
    const sim = Sim.held({ ...CONFIG, pairingNumber: '6281234567890' });
    const id = sim.socketId();
    sim.feed({ type: 'qr', id, qr: 'QR-1', paired: false });
    expect(sim.acts()).toContainEqual({ type: 'request_pairing_code', id, phone: '6281234567890' });
    sim.feed({ type: 'qr', id, qr: 'QR-2', paired: false });
    expect(sim.acts()).toEqual([{ type: 'print_qr', qr: 'QR-2' }]);
    sim.feed({ type: 'pairing_code', id, phone: '6281234567890', code: 'ABCD1234' });
    expect(sim.status.pairingCode).toBe('ABCD1234');
    sim.feed({ type: 'pairing_code_failed', id, error: new Error('x') });
    expect(sim.logs()).toEqual(['whatsapp pairing code not received']);
  });

  it('should ignore the events of a socket that is no longer the current one', () => {
    const sim = Sim.open();
    sim.close(428);
    sim.reconnect();
    const before = sim.state;
    expect(sim.feed({ type: 'qr', id: 1, qr: 'OLD', paired: false })).toEqual([]);
    expect(sim.feed({ type: 'socket_opened', id: 1, account: undefined })).toEqual([]);
    expect(sim.feed({ type: 'pairing_code', id: 1, phone: '62812', code: 'OLD' })).toEqual([]);
    expect(sim.feed({ type: 'socket_failed', id: 1, error: new Error('x'), paired: true })).toEqual([]);
    expect(sim.state).toEqual(before);
  });

  it('should count undecryptable messages', () => {
    const sim = Sim.open();
    sim.feed({ type: 'undecryptable', error: 'Bad MAC' });
    sim.feed({ type: 'undecryptable', error: 'Bad MAC' });
    expect(sim.status.badMacCount).toBe(2);
  });
});

/** A machine in `state`, reached through events as the driver would feed them. */
function reach(state: WhatsAppState | 'losing' | 'opening'): Sim {
  if (state === 'stopped') return new Sim();
  const sim = new Sim();
  sim.feed({ type: 'start' });
  if (state === 'connecting') return sim;
  if (state === 'standby') {
    sim.feed({ type: 'lease_held_elsewhere', lease: leaseOf('server-b') });
    return sim;
  }
  sim.feed({ type: 'lease_acquired', lease: leaseOf('server-a') });
  if (state === 'opening') return sim;
  sim.feed({ type: 'socket_created', id: sim.socketId() });
  const drops: Partial<Record<WhatsAppState, number>> = {
    reconnecting: 428,
    logged_out: 401,
    conflict: 440,
    failed: 403,
  };
  if (state === 'pairing') sim.feed({ type: 'qr', id: sim.socketId(), qr: 'QR', paired: false });
  else sim.feed({ type: 'socket_opened', id: sim.socketId(), account: undefined });
  const code = drops[state as WhatsAppState];
  if (code !== undefined) sim.close(code);
  if (state === 'losing') sim.feed({ type: 'lease_lost' });
  return sim;
}

describe('WhatsApp connection machine: stop', () => {
  const states = [
    'stopped',
    'connecting',
    'opening',
    'standby',
    'pairing',
    'open',
    'reconnecting',
    'logged_out',
    'conflict',
    'failed',
    'losing',
  ] as const;

  it.each(states)('should stop from %s: timers off, socket closed, lease given back only if held', (from) => {
    const sim = reach(from);
    if (from !== 'stopped' && from !== 'losing' && from !== 'opening') expect(sim.status.state).toBe(from);
    const heldBefore = sim.state.lease === 'held';
    const socket = sim.state.socket?.id;
    sim.feed({ type: 'stop' });
    expect(sim.acts()).toEqual([
      { type: 'clear_timer', name: 'acquire' },
      { type: 'clear_timer', name: 'renew' },
      { type: 'clear_timer', name: 'connect' },
      ...(socket === undefined ? [] : [{ type: 'close_socket', id: socket }]),
      ...(heldBefore ? [{ type: 'release_lease' }] : []),
    ]);
    expect(sim.status).toMatchObject({ state: 'stopped', leaseOurs: false });
    expect(sim.state.socket).toBeUndefined();
    // Whatever was still under way finds nothing to do, and a late lease is given back.
    for (const name of ['acquire', 'renew', 'connect'] as const)
      expect(sim.feed({ type: 'timer_fired', name })).toEqual([]);
    expect(sim.feed({ type: 'lease_read', lease: leaseOf('server-b') })).toEqual([]);
    expect(sim.feed({ type: 'lease_held_elsewhere', lease: leaseOf('server-b') })).toEqual([]);
    expect(sim.feed({ type: 'lease_acquired', lease: leaseOf('server-a') })).toEqual([
      { type: 'release_lease' },
    ]);
    expect(sim.status.state).toBe('stopped');
  });
});
