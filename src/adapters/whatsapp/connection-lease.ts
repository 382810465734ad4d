import type { Lease } from '../../ports/lease.js';
import { asWhatsAppState } from '../../ports/whatsapp-session.js';
import { emit, enter, log, running, type Turn } from './connection-state.js';
import { closeSocket, connect } from './connection-socket.js';

/** Asks for the number's lease when the process runs and neither holds nor is asking for it. */
export function tryAcquire(t: Turn): void {
  if (!running(t.s) || t.s.lease !== 'free') return;
  t.s.lease = 'acquiring';
  emit(t, { type: 'acquire_lease' });
}

/** How long a process waits before asking for the lease again. */
const retryMs = (t: Turn) => t.env.config.leaseTtlMs / 2;

/** Renews often enough that two renewals can fail before the lease lapses. */
const renewMs = (t: Turn) => Math.max(50, Math.floor(t.env.config.leaseTtlMs / 3));

/** Another process holds the number: who, and its session's state as of its last renewal. */
function heldElsewhere(t: Turn, lease: Lease): void {
  const status = t.s.status;
  status.leaseHolder = lease.holder;
  status.leaseOurs = false;
  const theirs = asWhatsAppState(lease.note);
  if (theirs) status.holderState = theirs;
  else delete status.holderState;
}

/** The lease is ours: renew it and connect. A claim that arrives after a stop gives it back. */
export function onAcquired(t: Turn, lease: Lease): void {
  if (!running(t.s)) {
    emit(t, { type: 'release_lease' });
    return;
  }
  if (t.s.lease !== 'acquiring') return;
  t.s.lease = 'held';
  const status = t.s.status;
  status.leaseHolder = lease.holder;
  status.leaseOurs = true;
  delete status.holderState;
  log(t, 'info', 'whatsapp lease taken', { holder: lease.holder });
  // Another process may have changed the login while it held the number: read it again.
  emit(t, { type: 'forget_auth' });
  emit(t, { type: 'set_timer', name: 'renew', ms: renewMs(t) });
  connect(t);
}

/** Another process holds the number: stand by, show its state, and ask again later. */
export function onHeldElsewhere(t: Turn, lease: Lease): void {
  if (!running(t.s) || t.s.lease !== 'acquiring') return;
  t.s.lease = 'free';
  heldElsewhere(t, lease);
  enter(t, 'standby');
  log(t, 'info', 'whatsapp number owned by another process; standing by', { holder: lease.holder });
  emit(t, { type: 'set_timer', name: 'acquire', ms: retryMs(t) });
}

/** The lease store did not answer: ask again later. */
export function onUnreachable(t: Turn, error: unknown): void {
  if (t.s.lease !== 'acquiring') return;
  t.s.lease = 'free';
  if (!running(t.s)) return;
  log(t, 'warn', 'whatsapp lease not reachable; trying again', { err: error });
  emit(t, { type: 'set_timer', name: 'acquire', ms: retryMs(t) });
}

/** Time to renew: the state goes with it, for the console of the processes standing by. */
export function onRenewDue(t: Turn): void {
  if (t.s.lease !== 'held') return;
  emit(t, { type: 'renew_lease', note: t.s.status.state });
  emit(t, { type: 'set_timer', name: 'renew', ms: renewMs(t) });
}

/** A renewal that failed to reach the store keeps the connection: the lease may still be ours. */
export function onRenewFailed(t: Turn, error: unknown): void {
  if (t.s.lease !== 'held') return;
  log(t, 'warn', 'whatsapp lease renewal failed; keeping the connection for now', { err: error });
}

/**
 * Another process took the lease over (this one stalled past its expiry): stop every timer and
 * read who holds it now; the socket closes once that is known.
 */
export function onLost(t: Turn): void {
  if (t.s.lease !== 'held') return;
  log(t, 'error', 'whatsapp lease lost to another process: closing this connection');
  t.s.lease = 'losing';
  t.s.status.leaseOurs = false;
  for (const name of ['renew', 'acquire', 'connect'] as const) emit(t, { type: 'clear_timer', name });
  emit(t, { type: 'read_lease' });
}

/** The new holder is known (or not readable): stand by, close the socket, and watch the lease. */
export function onLeaseRead(t: Turn, lease: Lease | undefined): void {
  if (!running(t.s) || t.s.lease !== 'losing') return;
  t.s.lease = 'free';
  if (lease) heldElsewhere(t, lease);
  enter(t, 'standby');
  closeSocket(t);
  emit(t, { type: 'set_timer', name: 'acquire', ms: retryMs(t) });
}
