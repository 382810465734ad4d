import { actionFor, disconnectReason } from './disconnect.js';
import { alert, clock, emit, enter, log, running, type SocketSlot, type Turn } from './connection-state.js';

/** Opens a socket when the process runs, holds the lease and has none. */
export function connect(t: Turn): void {
  const s = t.s;
  if (!running(s) || s.lease !== 'held' || s.socket) return;
  enter(t, s.status.reconnects > 0 ? 'reconnecting' : 'connecting');
  const id = s.nextSocketId++;
  s.socket = { id, phase: 'opening', pairingRequested: false };
  emit(t, { type: 'clear_timer', name: 'connect' });
  emit(t, { type: 'open_socket', id });
}

/** Ends the current socket, if any. */
export function closeSocket(t: Turn): void {
  if (t.s.socket) emit(t, { type: 'close_socket', id: t.s.socket.id });
  delete t.s.socket;
}

/** The current socket when `id` is it and its events are attached; events of older sockets are ignored. */
function live(t: Turn, id: number): SocketSlot | undefined {
  const slot = t.s.socket;
  return slot?.id === id && slot.phase === 'live' ? slot : undefined;
}

/** The factory returned socket `id`: listen to it if it is still wanted, else end it. */
export function onCreated(t: Turn, id: number): void {
  const slot = t.s.socket;
  if (slot?.id !== id || slot.phase !== 'opening') {
    emit(t, { type: 'close_socket', id });
    return;
  }
  slot.phase = 'live';
  emit(t, { type: 'attach_socket', id });
}

/** The socket could not be made (the store unreadable, the network down): a drop without a code. */
export function onFailed(t: Turn, id: number, error: unknown, paired: boolean): void {
  if (t.s.socket?.id !== id) return;
  delete t.s.socket;
  log(t, 'error', 'whatsapp socket could not be opened', { err: error });
  drop(t, undefined, error, paired);
}

/** WhatsApp is ready to pair: show the QR, and ask for a pairing code once when a number is known. */
export function onQr(t: Turn, id: number, qr: string, paired: boolean): void {
  const slot = live(t, id);
  if (!slot) return;
  if (paired) {
    // Never ask the phone to scan again while a login exists: that would unlink a working session.
    log(t, 'error', 'whatsapp asked for a QR although a login is stored; not showing it');
    return;
  }
  t.s.status.qr = qr;
  enter(t, 'pairing');
  emit(t, { type: 'print_qr', qr });
  const number = t.s.pendingPairingNumber ?? t.env.config.pairingNumber;
  if (number && !slot.pairingRequested) {
    slot.pairingRequested = true;
    delete t.s.pendingPairingNumber;
    emit(t, { type: 'request_pairing_code', id, phone: number });
  }
}

/** WhatsApp gave a pairing code: show it, unless it belongs to an older socket. */
export function onPairingCode(t: Turn, id: number, phone: string, code: string): void {
  if (!live(t, id)) return;
  t.s.status.pairingCode = code;
  log(t, 'info', 'whatsapp pairing code issued; type it on the phone', { phone: `…${phone.slice(-4)}` });
}

/** WhatsApp gave no pairing code: logged; the admin waiting for it is told by the driver. */
export function onPairingCodeFailed(t: Turn, error: unknown): void {
  log(t, 'error', 'whatsapp pairing code not received', { err: error });
}

/** The connection is up: the counters and the alert reset. */
export function onOpened(t: Turn, id: number, account: string | undefined): void {
  if (!live(t, id)) return;
  const status = t.s.status;
  status.reconnects = 0;
  delete status.qr;
  delete status.pairingCode;
  alert(t, undefined);
  if (account) status.account = account;
  enter(t, 'open');
  const masked = account ? `…${account.split(/[:@]/)[0]?.slice(-4)}` : undefined;
  log(t, 'info', 'whatsapp connected', { account: masked });
}

/** The socket closed by itself: stop listening to it and act on its code. */
export function onClosed(
  t: Turn,
  id: number,
  code: number | undefined,
  error: unknown,
  paired: boolean,
): void {
  if (!live(t, id)) return;
  delete t.s.socket;
  emit(t, { type: 'forget_socket', id });
  drop(t, code, error, paired);
}

/** The pause before reconnect attempt `attempt` (1-based): doubled each time, capped, ±25 % jitter. */
function backoffMs(t: Turn, attempt: number): number {
  const { baseMs, maxMs } = t.env.config.reconnect;
  const exp = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(exp * (0.75 + t.env.random * 0.5));
}

/**
 * Acts on a drop by its raw code (see `actionFor`): transient drops reconnect with a bounded
 * back-off, a logout clears the login and pairs again, a conflict or a refusal stops and alerts.
 * A process that stopped or lost the lease only records the drop.
 */
function drop(t: Turn, code: number | undefined, error: unknown, paired: boolean): void {
  const s = t.s;
  const reason = disconnectReason(code, error);
  s.status.lastDisconnect = { code, reason, at: t.env.now };
  delete s.status.qr;
  delete s.status.pairingCode;
  log(t, 'warn', 'whatsapp connection closed', { code, reason });
  if (!running(s) || s.lease !== 'held') return;
  switch (actionFor(code, paired)) {
    case 'logged_out':
      return loggedOut(t, code);
    case 'conflict':
      enter(t, 'conflict');
      log(t, 'error', 'whatsapp login opened elsewhere (conflict): not reconnecting', { code });
      return alert(
        t,
        `Nomor WhatsApp ini dibuka di server atau perangkat lain (conflict) pada ${clock(t.env.now)}. Loket berhenti menyambung agar tidak saling rebut. Tutup sesi yang lain, lalu tekan "Sambungkan lagi".`,
      );
    case 'refused':
      enter(t, 'failed');
      log(t, 'error', 'whatsapp refused this device: not reconnecting', { code, reason });
      return alert(
        t,
        `WhatsApp menolak sambungan (kode ${code ?? '-'}). Periksa nomor di ponsel; bila perlu tekan "Lepas dan pasangkan ulang".`,
      );
    case 'pairing_timeout':
      enter(t, 'failed');
      return alert(
        t,
        'Kode QR kedaluwarsa karena belum dipindai. Tekan "Sambungkan lagi" untuk kode QR baru.',
      );
    case 'reconnect_now':
      return emit(t, { type: 'set_timer', name: 'connect', ms: 0 });
    case 'reconnect':
      return reconnectLater(t, code, reason);
  }
}

/** Said when an admin unlinked the number (here, or by logging out from this console). */
export const UNPAIRED_BY_ADMIN =
  'Nomor WhatsApp dilepas oleh admin. Pindai kode QR baru di halaman ini untuk menyambungkan nomor.';

function loggedOut(t: Turn, code: number | undefined): void {
  const byAdmin = t.s.unpair === 'logging_out';
  t.s.unpair = 'none';
  log(t, 'error', 'whatsapp logged out: login cleared, waiting for a new pairing', { code });
  emit(t, { type: 'forget_auth' });
  t.s.status.reconnects = 0;
  enter(t, 'logged_out');
  alert(
    t,
    byAdmin
      ? UNPAIRED_BY_ADMIN
      : `WhatsApp keluar (logged out) pada ${clock(t.env.now)}: perangkat Loket dihapus dari ponsel. Pindai kode QR baru di halaman ini untuk menyambungkan lagi.`,
  );
  emit(t, { type: 'set_timer', name: 'connect', ms: t.env.config.reconnect.baseMs });
  // The next socket waits for the clearing, so it starts from fresh credentials.
  emit(t, { type: 'clear_auth_store' });
}

function reconnectLater(t: Turn, code: number | undefined, reason: string): void {
  const status = t.s.status;
  status.reconnects++;
  if (status.reconnects > t.env.config.reconnect.maxAttempts) {
    const attempts = status.reconnects - 1;
    enter(t, 'failed');
    log(t, 'error', 'whatsapp reconnects exhausted', { code, reason, attempts });
    alert(
      t,
      `Gagal tersambung ke WhatsApp setelah ${attempts} percobaan (terakhir: ${reason}). Periksa internet server, lalu tekan "Sambungkan lagi".`,
    );
    return;
  }
  enter(t, 'reconnecting');
  emit(t, { type: 'set_timer', name: 'connect', ms: backoffMs(t, status.reconnects) });
}
