import type { Logger } from '../../config/logger.js';
import type { WhatsAppAuthStore } from '../../ports/whatsapp-auth-store.js';
import type { LeaseRepository } from '../../ports/lease.js';
import type { WhatsAppSession, WhatsAppStatus } from '../../ports/whatsapp-session.js';
import { isPaired, loadAuthState, type StoredAuthState } from './auth-state.js';
import {
  initialState,
  transition,
  type ConnectionCommand,
  type ConnectionEvent,
  type MachineConfig,
  type MachineState,
} from './connection-machine.js';
import type { ReconnectPolicy, TimerName } from './connection-state.js';
import { createLeaseIo, type LeaseIo } from './connection-lease-io.js';
import { listenToSocket } from './socket-events.js';
import { NamedTimers } from './named-timers.js';
import { createPairingWaiters } from './pairing-waiters.js';
import type { RecentMessages } from './recent-messages.js';
import type { SocketFactory, WhatsAppSocket } from './socket.js';

export type { ReconnectPolicy } from './connection-state.js';
export { normalizePhone } from './connection-machine.js';

/** A request an admin made that cannot be done now; the message is for the admin, in Indonesian. */
export class WhatsAppSessionError extends Error {
  override readonly name = 'WhatsAppSessionError';
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

/** A socket the factory made, the login it was given, and how to stop listening to it. */
interface Made {
  sock: WhatsAppSocket;
  auth: StoredAuthState;
  detach: () => void;
}

/** How long an admin waits for WhatsApp to hand out a pairing code. */
const PAIRING_CODE_WAIT_MS = 30_000;

/**
 * Owns the WhatsApp connection: takes the number's lease (standby while another process holds
 * it), loads the login from the database, opens the socket, and acts on each drop by its raw
 * code. The decisions are the pure `transition` of connection-machine.ts; this returns the thin
 * driver that feeds it the events and carries out its commands.
 */
export function createConnection(opts: ConnectionOptions): Connection {
  return new ConnectionDriver(opts);
}

/**
 * Keeps the machine's state, turns what the lease store, Baileys and the timers report into
 * events, and carries out the commands the machine answers with. It holds what cannot be data:
 * the sockets, the loaded login, the queue of credential saves and the timers.
 */
class ConnectionDriver implements Connection {
  private state: MachineState;
  private auth: StoredAuthState | undefined;
  /** Credential writes, in order; a new socket and a lease release wait for them. */
  private saves: Promise<void> = Promise.resolve();
  private readonly made = new Map<number, Made>();
  private readonly timers = new NamedTimers<TimerName>((name) =>
    this.background({ type: 'timer_fired', name }),
  );
  private readonly config: MachineConfig;
  private readonly now: () => Date;
  private readonly log: Logger;
  private readonly lease: LeaseIo;
  private readonly waiters = createPairingWaiters(
    () => new WhatsAppSessionError('Kode belum diterima dari WhatsApp. Coba lagi sebentar lagi.'),
  );

  constructor(private readonly opts: ConnectionOptions) {
    this.now = opts.now ?? (() => new Date());
    this.log = opts.logger;
    this.state = initialState(this.now());
    this.config = {
      reconnect: opts.reconnect,
      leaseTtlMs: opts.leaseTtlMs,
      ...(opts.pairingNumber ? { pairingNumber: opts.pairingNumber } : {}),
    };
    this.lease = createLeaseIo({
      ...opts,
      now: this.now,
      dispatch: (event) => this.dispatch(event),
      saved: () => this.saves,
    });
  }

  // --- the session's API (arrow properties: callers may pass them around unbound) ------------
  readonly start = () => this.dispatch({ type: 'start' });
  readonly stop = async () => {
    await this.dispatch({ type: 'stop' });
    await this.saves;
  };
  readonly openSocket = () => {
    const slot = this.state.socket;
    return this.state.status.state === 'open' && slot ? this.made.get(slot.id)?.sock : undefined;
  };
  readonly noteUndecryptable = (error: string) => this.background({ type: 'undecryptable', error });
  readonly status = (): WhatsAppStatus => {
    const status = this.state.status;
    return { ...status, ...(status.lastDisconnect ? { lastDisconnect: { ...status.lastDisconnect } } : {}) };
  };
  readonly requestPairingCode = async (phone: string): Promise<string> => {
    const code = this.waiters.wait(PAIRING_CODE_WAIT_MS);
    try {
      await this.dispatch({ type: 'admin_pair', phone, paired: this.pairedNow() });
    } catch (err) {
      this.waiters.cancel(code);
      throw err;
    }
    return code;
  };
  readonly restart = () => this.dispatch({ type: 'admin_restart' });
  readonly unpair = () => this.dispatch({ type: 'admin_unpair' });

  // --- the loop: event in, commands out -----------------------------------------------------
  /** One event through the machine; resolves when its commands (and the events they caused) are done. */
  private dispatch(event: ConnectionEvent): Promise<void> {
    const next = transition(this.state, event, {
      config: this.config,
      now: this.now(),
      random: Math.random(),
    });
    this.state = next.state;
    if (event.type === 'pairing_code' && next.state.status.pairingCode === event.code)
      this.waiters.resolve(event.code);
    return this.execute(next.commands);
  }

  private background(event: ConnectionEvent): void {
    this.dispatch(event).catch((err: unknown) => this.log.error({ err }, 'whatsapp background step failed'));
  }

  /**
   * Runs the commands in order, awaiting only the asynchronous ones, so a Baileys event handled
   * synchronously (a QR) has its effects before the emitter returns. A refusal throws to the caller.
   */
  private async execute(commands: ConnectionCommand[]): Promise<void> {
    for (const c of commands) {
      const pending = this.run(c);
      if (pending) await pending;
    }
  }

  private run(c: ConnectionCommand): Promise<void> | void {
    switch (c.type) {
      case 'acquire_lease':
        return this.lease.acquire();
      case 'renew_lease':
        return this.lease.renew(c.note);
      case 'release_lease':
        return this.lease.release();
      case 'read_lease':
        return this.lease.read();
      case 'set_timer':
        return this.timers.set(c.name, c.ms);
      case 'clear_timer':
        return this.timers.clear(c.name);
      case 'open_socket':
        return this.makeSocket(c.id);
      case 'attach_socket':
        return this.attach(c.id);
      case 'close_socket':
      case 'forget_socket':
        return this.closeSocket(c.id, c.type === 'close_socket');
      case 'request_pairing_code':
        return this.requestCode(c.id, c.phone);
      case 'logout':
        return this.logout(c.id);
      case 'forget_auth':
        this.auth = undefined;
        return;
      case 'clear_auth_store':
        return this.clearStore();
      case 'print_qr':
        return this.opts.printQr(c.qr);
      case 'log':
        return c.data ? this.log[c.level](c.data, c.msg) : this.log[c.level](c.msg);
      case 'refuse':
        throw new WhatsAppSessionError(c.message);
    }
  }

  private pairedNow(): boolean {
    return this.auth ? isPaired(this.auth.state.creds) : false;
  }

  // --- the socket ----------------------------------------------------------------------------
  private async makeSocket(id: number): Promise<void> {
    let sock: WhatsAppSocket;
    let stored: StoredAuthState;
    try {
      await this.saves;
      stored = this.auth ??= await loadAuthState(this.opts.store);
      sock = await this.opts.socketFactory({
        auth: stored.state,
        logger: this.log,
        getMessage: (key) => this.opts.recent.get(key),
      });
    } catch (error) {
      return this.dispatch({ type: 'socket_failed', id, error, paired: this.pairedNow() });
    }
    this.made.set(id, { sock, auth: stored, detach: () => undefined });
    return this.dispatch({ type: 'socket_created', id });
  }

  private attach(id: number): void {
    const entry = this.made.get(id);
    if (!entry) return;
    const stored = entry.auth;
    entry.detach = listenToSocket(id, entry.sock, stored, {
      onCreds: () => {
        this.saves = this.saves
          .then(() => stored.saveCreds())
          .catch((err: unknown) => this.log.error({ err }, 'whatsapp credentials not saved'));
      },
      onEvent: (event) => this.background(event),
      pairedNow: () => this.pairedNow(),
      onSocket: this.opts.onSocket,
    });
  }

  private closeSocket(id: number, end: boolean): void {
    const entry = this.made.get(id);
    if (!entry) return;
    this.made.delete(id);
    entry.detach();
    if (end) Promise.resolve(entry.sock.end(undefined)).catch(() => undefined);
  }

  /** The socket `id` made; throws when it is gone already. */
  private socket(id: number): WhatsAppSocket {
    const entry = this.made.get(id);
    if (!entry) throw new Error('whatsapp socket already closed');
    return entry.sock;
  }

  private async requestCode(id: number, phone: string): Promise<void> {
    let code: string;
    try {
      code = await this.socket(id).requestPairingCode(phone);
    } catch (error) {
      this.waiters.reject(error);
      return this.dispatch({ type: 'pairing_code_failed', id, error });
    }
    return this.dispatch({ type: 'pairing_code', id, phone, code });
  }

  private async logout(id: number): Promise<void> {
    // WhatsApp answers with a 401 close: the logged-out path clears the login and shows a QR.
    await Promise.resolve()
      .then(() => this.socket(id).logout())
      .catch((error: unknown) => this.dispatch({ type: 'logout_failed', error }));
  }

  private async clearStore(): Promise<void> {
    const cleared = this.saves.then(() => this.opts.store.clear());
    this.saves = cleared.catch(() => undefined);
    try {
      await cleared;
    } catch (error) {
      return this.dispatch({ type: 'auth_cleared', error });
    }
    return this.dispatch({ type: 'auth_cleared' });
  }
}
