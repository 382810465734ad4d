import type { BaileysEventMap } from '@whiskeysockets/baileys';
import type { Logger } from '../../config/logger.js';
import type { WhatsAppAuthStore } from '../../ports/whatsapp-auth-store.js';
import type { Lease, LeaseRepository } from '../../ports/lease.js';
import {
  asWhatsAppState,
  type WhatsAppSession,
  type WhatsAppState,
  type WhatsAppStatus,
} from '../../ports/whatsapp-session.js';
import { isPaired, loadAuthState, type StoredAuthState } from './auth-state.js';
import { actionFor, disconnectCode, disconnectReason } from './disconnect.js';
import type { RecentMessages } from './recent-messages.js';
import type { SocketFactory, WhatsAppSocket } from './socket.js';

/** A request an admin made that cannot be done now; the message is for the admin, in Indonesian. */
export class WhatsAppSessionError extends Error {
  override readonly name = 'WhatsAppSessionError';
}

/** Reconnect pacing after transient drops. */
export interface ReconnectPolicy {
  /** First pause; doubled each attempt up to `maxMs`, with jitter. */
  baseMs: number;
  maxMs: number;
  /** Consecutive failed attempts before giving up and alerting the admins. */
  maxAttempts: number;
}

/** What the connection manager needs. */
export interface ConnectionOptions {
  store: WhatsAppAuthStore;
  leases: LeaseRepository;
  /** The lease name (one per number). */
  leaseName: string;
  /** This process, as the lease records it. */
  holder: string;
  leaseTtlMs: number;
  socketFactory: SocketFactory;
  logger: Logger;
  recent: RecentMessages;
  reconnect: ReconnectPolicy;
  /** Asks for a pairing code for this number instead of (besides) the QR. */
  pairingNumber?: string;
  /** Shows a QR in the terminal (tests pass a recorder). */
  printQr: (qr: string) => void;
  /** Attaches the message handlers to a new socket; returns how to detach them. */
  onSocket: (sock: WhatsAppSocket) => () => void;
  now?: () => Date;
}

/** The session port plus the channel's own controls. */
export interface Connection extends WhatsAppSession {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The socket while the connection is open; undefined otherwise. */
  openSocket(): WhatsAppSocket | undefined;
  /** Counts a message that could not be decrypted. */
  noteUndecryptable(error: string): void;
}

interface Current {
  sock: WhatsAppSocket;
  auth: StoredAuthState;
  detach: () => void;
  pairingRequested: boolean;
}

/** Digits of a phone number as WhatsApp wants it (country code first); Indonesian 08… becomes 628…. */
export function normalizePhone(input: string): string | undefined {
  let digits = input.replace(/[\s()+.-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  return /^[1-9]\d{7,14}$/.test(digits) ? digits : undefined;
}

/**
 * Owns the WhatsApp connection: takes the number's lease (standby while another process holds
 * it), loads the login from the database, opens the socket, and acts on each drop by its raw
 * code: transient drops reconnect with a bounded back-off, a logout clears the login and starts
 * pairing again, a conflict stops instead of fighting. Everything shows on `status()`.
 */
export function createConnection(opts: ConnectionOptions): Connection {
  const now = opts.now ?? (() => new Date());
  const log = opts.logger;
  let running = false;
  let leaseHeld = false;
  let auth: StoredAuthState | undefined;
  let current: Current | undefined;
  let saves: Promise<void> = Promise.resolve();
  let pendingPairingNumber: string | undefined;
  let unpairing = false;
  const timers = new Set<NodeJS.Timeout>();
  const status: WhatsAppStatus = {
    state: 'stopped',
    since: now(),
    reconnects: 0,
    badMacCount: 0,
    leaseOurs: false,
  };

  const later = (ms: number, fn: () => Promise<void> | void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      Promise.resolve(fn()).catch((err: unknown) => log.error({ err }, 'whatsapp background step failed'));
    }, ms);
    t.unref();
    timers.add(t);
  };
  const clearTimers = () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
  const setState = (state: WhatsAppState) => {
    if (status.state !== state) status.since = now();
    status.state = state;
  };
  const alert = (text: string | undefined) => {
    if (text === undefined) delete status.alert;
    else status.alert = text;
  };
  const clock = () => now().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

  // --- the lease -----------------------------------------------------------------------------
  let renewTimer: NodeJS.Timeout | undefined;
  const stopRenewing = () => {
    if (renewTimer) clearInterval(renewTimer);
    renewTimer = undefined;
  };

  /** Another process holds the number: who, and its session's state as of its last renewal. */
  const heldElsewhere = (lease: Lease) => {
    status.leaseHolder = lease.holder;
    status.leaseOurs = false;
    const theirs = asWhatsAppState(lease.note);
    if (theirs) status.holderState = theirs;
    else delete status.holderState;
  };

  async function tryAcquire(): Promise<void> {
    if (!running || leaseHeld) return;
    let claim;
    try {
      claim = await opts.leases.acquire(opts.leaseName, opts.holder, opts.leaseTtlMs, now());
    } catch (err) {
      log.warn({ err }, 'whatsapp lease not reachable; trying again');
      later(opts.leaseTtlMs / 2, tryAcquire);
      return;
    }
    if (!running) {
      if (claim.acquired) await opts.leases.release(opts.leaseName, opts.holder).catch(() => undefined);
      return;
    }
    if (!claim.acquired) {
      heldElsewhere(claim.lease);
      setState('standby');
      log.info({ holder: claim.lease.holder }, 'whatsapp number owned by another process; standing by');
      later(opts.leaseTtlMs / 2, tryAcquire);
      return;
    }
    leaseHeld = true;
    status.leaseHolder = claim.lease.holder;
    status.leaseOurs = true;
    delete status.holderState;
    log.info({ holder: opts.holder }, 'whatsapp lease taken');
    // Another process may have changed the login while it held the number: read it again.
    auth = undefined;
    stopRenewing();
    renewTimer = setInterval(() => void renew(), Math.max(50, Math.floor(opts.leaseTtlMs / 3)));
    renewTimer.unref();
    await connect();
  }

  async function renew(): Promise<void> {
    if (!leaseHeld) return;
    let ok: boolean;
    try {
      // The state goes with it, for the console of the processes standing by.
      ok = await opts.leases.renew(opts.leaseName, opts.holder, opts.leaseTtlMs, now(), status.state);
    } catch (err) {
      log.warn({ err }, 'whatsapp lease renewal failed; keeping the connection for now');
      return;
    }
    if (ok || !leaseHeld) return;
    log.error('whatsapp lease lost to another process: closing this connection');
    leaseHeld = false;
    status.leaseOurs = false;
    stopRenewing();
    clearTimers();
    const lease = await opts.leases.current(opts.leaseName).catch(() => undefined);
    if (lease) heldElsewhere(lease);
    setState('standby');
    closeSocket();
    later(opts.leaseTtlMs / 2, tryAcquire);
  }

  // --- the socket ----------------------------------------------------------------------------
  function closeSocket(): void {
    const c = current;
    current = undefined;
    if (!c) return;
    c.detach();
    Promise.resolve(c.sock.end(undefined)).catch(() => undefined);
  }

  async function connect(): Promise<void> {
    if (!running || !leaseHeld || current) return;
    setState(status.reconnects > 0 ? 'reconnecting' : 'connecting');
    let sock: WhatsAppSocket;
    try {
      await saves;
      auth ??= await loadAuthState(opts.store);
      sock = await opts.socketFactory({
        auth: auth.state,
        logger: log,
        getMessage: (key) => opts.recent.get(key),
      });
    } catch (err) {
      log.error({ err }, 'whatsapp socket could not be opened');
      onDrop(undefined, err);
      return;
    }
    if (!running || !leaseHeld || current) {
      Promise.resolve(sock.end(undefined)).catch(() => undefined);
      return;
    }
    const stored = auth;
    const entry: Current = { sock, auth: stored, detach: () => undefined, pairingRequested: false };
    const onCreds = () => {
      saves = saves
        .then(() => stored.saveCreds())
        .catch((err: unknown) => log.error({ err }, 'whatsapp credentials not saved'));
    };
    const onUpdate = (u: BaileysEventMap['connection.update']) => {
      if (current !== entry) return;
      if (u.qr) onQr(entry, u.qr);
      if (u.connection === 'open') onOpen(entry);
      if (u.connection === 'close') {
        current = undefined;
        entry.detach();
        onDrop(disconnectCode(u.lastDisconnect?.error), u.lastDisconnect?.error);
      }
    };
    sock.ev.on('creds.update', onCreds);
    sock.ev.on('connection.update', onUpdate);
    const detachMessages = opts.onSocket(sock);
    entry.detach = () => {
      sock.ev.off('creds.update', onCreds);
      sock.ev.off('connection.update', onUpdate);
      detachMessages();
    };
    current = entry;
  }

  function onQr(entry: Current, qr: string): void {
    if (isPaired(entry.auth.state.creds)) {
      // Never ask the phone to scan again while a login exists: that would unlink a working session.
      log.error('whatsapp asked for a QR although a login is stored; not showing it');
      return;
    }
    status.qr = qr;
    setState('pairing');
    opts.printQr(qr);
    const number = pendingPairingNumber ?? opts.pairingNumber;
    if (number && !entry.pairingRequested) {
      entry.pairingRequested = true;
      pendingPairingNumber = undefined;
      requestCode(entry, number).catch((err: unknown) =>
        log.error({ err }, 'whatsapp pairing code not received'),
      );
    }
  }

  async function requestCode(entry: Current, phone: string): Promise<string> {
    const code = await entry.sock.requestPairingCode(phone);
    if (current === entry) {
      status.pairingCode = code;
      log.info({ phone: `…${phone.slice(-4)}` }, 'whatsapp pairing code issued; type it on the phone');
    }
    return code;
  }

  function onOpen(entry: Current): void {
    status.reconnects = 0;
    delete status.qr;
    delete status.pairingCode;
    alert(undefined);
    const me = entry.auth.state.creds.me?.id;
    if (me) status.account = me;
    setState('open');
    log.info({ account: me ? `…${me.split(/[:@]/)[0]?.slice(-4)}` : undefined }, 'whatsapp connected');
  }

  function onDrop(code: number | undefined, error: unknown): void {
    const reason = disconnectReason(code, error);
    status.lastDisconnect = { code, reason, at: now() };
    delete status.qr;
    delete status.pairingCode;
    log.warn({ code, reason }, 'whatsapp connection closed');
    if (!running || !leaseHeld) return;
    const paired = auth ? isPaired(auth.state.creds) : false;
    switch (actionFor(code, paired)) {
      case 'logged_out': {
        const byAdmin = unpairing;
        unpairing = false;
        log.error({ code }, 'whatsapp logged out: login cleared, waiting for a new pairing');
        auth = undefined;
        status.reconnects = 0;
        setState('logged_out');
        alert(
          byAdmin
            ? 'Nomor WhatsApp dilepas oleh admin. Pindai kode QR baru di halaman ini untuk menyambungkan nomor.'
            : `WhatsApp keluar (logged out) pada ${clock()}: perangkat Loket dihapus dari ponsel. Pindai kode QR baru di halaman ini untuk menyambungkan lagi.`,
        );
        saves = saves
          .then(() => opts.store.clear())
          .catch((err: unknown) => log.error({ err }, 'whatsapp login not cleared'));
        later(opts.reconnect.baseMs, connect);
        return;
      }
      case 'conflict':
        setState('conflict');
        log.error({ code }, 'whatsapp login opened elsewhere (conflict): not reconnecting');
        alert(
          `Nomor WhatsApp ini dibuka di server atau perangkat lain (conflict) pada ${clock()}. Loket berhenti menyambung agar tidak saling rebut. Tutup sesi yang lain, lalu tekan "Sambungkan lagi".`,
        );
        return;
      case 'refused':
        setState('failed');
        log.error({ code, reason }, 'whatsapp refused this device: not reconnecting');
        alert(
          `WhatsApp menolak sambungan (kode ${code ?? '-'}). Periksa nomor di ponsel; bila perlu tekan "Lepas dan pasangkan ulang".`,
        );
        return;
      case 'pairing_timeout':
        setState('failed');
        alert('Kode QR kedaluwarsa karena belum dipindai. Tekan "Sambungkan lagi" untuk kode QR baru.');
        return;
      case 'reconnect_now':
        later(0, connect);
        return;
      case 'reconnect': {
        status.reconnects++;
        if (status.reconnects > opts.reconnect.maxAttempts) {
          setState('failed');
          log.error({ code, reason, attempts: status.reconnects - 1 }, 'whatsapp reconnects exhausted');
          alert(
            `Gagal tersambung ke WhatsApp setelah ${status.reconnects - 1} percobaan (terakhir: ${reason}). Periksa internet server, lalu tekan "Sambungkan lagi".`,
          );
          return;
        }
        setState('reconnecting');
        const exp = Math.min(opts.reconnect.maxMs, opts.reconnect.baseMs * 2 ** (status.reconnects - 1));
        later(Math.round(exp * (0.75 + Math.random() * 0.5)), connect);
        return;
      }
    }
  }

  async function waitFor(check: () => string | undefined, ms: number): Promise<string | undefined> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const v = check();
      if (v) return v;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return check();
  }

  return {
    async start() {
      if (running) return;
      running = true;
      setState('connecting');
      await tryAcquire();
    },
    async stop() {
      running = false;
      clearTimers();
      stopRenewing();
      closeSocket();
      await saves;
      if (leaseHeld) {
        leaseHeld = false;
        status.leaseOurs = false;
        await opts.leases.release(opts.leaseName, opts.holder, now()).catch((err: unknown) => {
          log.warn({ err }, 'whatsapp lease not released');
        });
      }
      setState('stopped');
    },
    openSocket: () => (status.state === 'open' ? current?.sock : undefined),
    noteUndecryptable(error) {
      status.badMacCount++;
      log.warn({ error: error.slice(0, 100), total: status.badMacCount }, 'whatsapp message not decrypted');
    },
    status: () => ({
      ...status,
      ...(status.lastDisconnect ? { lastDisconnect: { ...status.lastDisconnect } } : {}),
    }),
    async requestPairingCode(phone) {
      const digits = normalizePhone(phone);
      if (!digits)
        throw new WhatsAppSessionError(
          'Nomor HP tidak valid. Tulis dengan kode negara, misalnya 6281234567890.',
        );
      if (!running || !leaseHeld)
        throw new WhatsAppSessionError(
          'Proses ini tidak memegang nomor WhatsApp; buka halaman di server pemegangnya.',
        );
      if (auth && isPaired(auth.state.creds) && status.state !== 'logged_out')
        throw new WhatsAppSessionError(
          'Nomor sudah tersambung. Lepas dulu bila ingin memasangkan ponsel lain.',
        );
      const c = current;
      if (c && status.state === 'pairing') {
        c.pairingRequested = true;
        return requestCode(c, digits);
      }
      // Not asking for pairing right now (QR timed out, logged out): start pairing and wait for the code.
      pendingPairingNumber = digits;
      delete status.pairingCode;
      if (!current) {
        status.reconnects = 0;
        await connect();
      }
      const code = await waitFor(() => status.pairingCode, 30_000);
      if (!code)
        throw new WhatsAppSessionError('Kode belum diterima dari WhatsApp. Coba lagi sebentar lagi.');
      return code;
    },
    async restart() {
      if (!running) return;
      status.reconnects = 0;
      if (!leaseHeld) return tryAcquire();
      if (current) return;
      clearTimers();
      await connect();
    },
    async unpair() {
      if (!running || !leaseHeld)
        throw new WhatsAppSessionError(
          'Proses ini tidak memegang nomor WhatsApp; buka halaman di server pemegangnya.',
        );
      const c = current;
      if (c && status.state === 'open') {
        unpairing = true;
        try {
          // WhatsApp answers with a 401 close: the logged-out path clears the login and shows a QR.
          await c.sock.logout();
          return;
        } catch (err) {
          unpairing = false;
          log.warn({ err }, 'whatsapp logout failed; clearing the login locally');
        }
      }
      clearTimers();
      closeSocket();
      await saves;
      await opts.store.clear();
      auth = undefined;
      status.reconnects = 0;
      setState('logged_out');
      alert(
        'Nomor WhatsApp dilepas oleh admin. Pindai kode QR baru di halaman ini untuk menyambungkan nomor.',
      );
      await connect();
    },
  };
}
