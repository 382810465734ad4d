import { alert, emit, enter, log, running, type Turn } from './connection-state.js';
import { tryAcquire } from './connection-lease.js';
import { closeSocket, connect, UNPAIRED_BY_ADMIN } from './connection-socket.js';

/** Digits of a phone number as WhatsApp wants it (country code first); Indonesian 08… becomes 628…. */
export function normalizePhone(input: string): string | undefined {
  let digits = input.replace(/[\s()+.-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  return /^[1-9]\d{7,14}$/.test(digits) ? digits : undefined;
}

/** The admin messages for requests that cannot be done now. */
export const REFUSALS = {
  invalidPhone: 'Nomor HP tidak valid. Tulis dengan kode negara, misalnya 6281234567890.',
  notHolder: 'Proses ini tidak memegang nomor WhatsApp; buka halaman di server pemegangnya.',
  alreadyPaired: 'Nomor sudah tersambung. Lepas dulu bila ingin memasangkan ponsel lain.',
  notCleared:
    'Login WhatsApp belum terhapus dari database; sambungan lama dipakai lagi. Coba lagi sebentar lagi.',
} as const;

const refuse = (t: Turn, message: string) => emit(t, { type: 'refuse', message });

/** Starts: connecting while the lease is asked for. Starting twice does nothing. */
export function onStart(t: Turn): void {
  if (running(t.s)) return;
  enter(t, 'connecting');
  tryAcquire(t);
}

/** Stops from any state: every timer off, the socket closed, the lease handed over at once. */
export function onStop(t: Turn): void {
  for (const name of ['acquire', 'renew', 'connect'] as const) emit(t, { type: 'clear_timer', name });
  closeSocket(t);
  if (t.s.lease === 'held') {
    t.s.status.leaseOurs = false;
    emit(t, { type: 'release_lease' });
  }
  t.s.lease = 'free';
  t.s.unpair = 'none';
  enter(t, 'stopped');
}

/** Connects again after a conflict, a logout or giving up; a standby process asks for the lease. */
export function onRestart(t: Turn): void {
  if (!running(t.s)) return;
  t.s.status.reconnects = 0;
  if (t.s.lease !== 'held') return tryAcquire(t);
  if (t.s.socket) return;
  emit(t, { type: 'clear_timer', name: 'acquire' });
  connect(t);
}

/**
 * An admin asks for a pairing code: on the socket showing a QR now, or else on the next QR
 * (connecting first when no socket is open). Refused for a bad number, on a process that does
 * not hold the number, and while a login is paired (unlink first).
 */
export function onPair(t: Turn, phone: string, paired: boolean): void {
  const digits = normalizePhone(phone);
  if (!digits) return refuse(t, REFUSALS.invalidPhone);
  if (!running(t.s) || t.s.lease !== 'held') return refuse(t, REFUSALS.notHolder);
  if (paired && t.s.status.state !== 'logged_out') return refuse(t, REFUSALS.alreadyPaired);
  delete t.s.status.pairingCode;
  const slot = t.s.socket;
  if (slot?.phase === 'live' && t.s.status.state === 'pairing') {
    slot.pairingRequested = true;
    emit(t, { type: 'request_pairing_code', id: slot.id, phone: digits });
    return;
  }
  // Not asking for pairing right now (QR timed out, logged out): pair on the next QR.
  t.s.pendingPairingNumber = digits;
  if (!slot) {
    t.s.status.reconnects = 0;
    connect(t);
  }
}

/**
 * An admin unlinks the number: an open session logs out (WhatsApp's 401 close then clears the
 * login through the logged-out path); otherwise the login is cleared here.
 */
export function onUnpair(t: Turn): void {
  if (!running(t.s) || t.s.lease !== 'held') return refuse(t, REFUSALS.notHolder);
  const slot = t.s.socket;
  if (slot?.phase === 'live' && t.s.status.state === 'open') {
    t.s.unpair = 'logging_out';
    emit(t, { type: 'logout', id: slot.id });
    return;
  }
  clearLocally(t);
}

/** WhatsApp's logout failed: unlink here instead. */
export function onLogoutFailed(t: Turn, error: unknown): void {
  if (t.s.unpair !== 'logging_out') return;
  log(t, 'warn', 'whatsapp logout failed; clearing the login locally', { err: error });
  clearLocally(t);
}

function clearLocally(t: Turn): void {
  emit(t, { type: 'clear_timer', name: 'connect' });
  emit(t, { type: 'clear_timer', name: 'acquire' });
  closeSocket(t);
  t.s.unpair = 'clearing';
  emit(t, { type: 'clear_auth_store' });
}

/**
 * The stored login was cleared (or not). After an admin's unlinking, pairing starts afresh; when
 * the clearing failed the old login connects again and the admin is told.
 */
export function onAuthCleared(t: Turn, error: unknown): void {
  const unlinking = t.s.unpair === 'clearing';
  if (error !== undefined) log(t, 'error', 'whatsapp login not cleared', { err: error });
  if (!unlinking) return;
  t.s.unpair = 'none';
  t.s.status.reconnects = 0;
  if (error !== undefined) {
    connect(t);
    refuse(t, REFUSALS.notCleared);
    return;
  }
  emit(t, { type: 'forget_auth' });
  enter(t, 'logged_out');
  alert(t, UNPAIRED_BY_ADMIN);
  connect(t);
}

/** A message that could not be decrypted ("Bad MAC"): counted for the health page. */
export function onUndecryptable(t: Turn, error: string): void {
  t.s.status.badMacCount++;
  log(t, 'warn', 'whatsapp message not decrypted', {
    error: error.slice(0, 100),
    total: t.s.status.badMacCount,
  });
}
