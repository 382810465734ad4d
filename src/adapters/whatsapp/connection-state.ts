import type { Lease } from '../../ports/lease.js';
import type { WhatsAppState, WhatsAppStatus } from '../../ports/whatsapp-session.js';

/** Reconnect pacing after transient drops. */
export interface ReconnectPolicy {
  /** First pause; doubled each attempt up to `maxMs`, with jitter. */
  baseMs: number;
  maxMs: number;
  /** Consecutive failed attempts before giving up and alerting the admins. */
  maxAttempts: number;
}

/** The fixed settings the machine decides with; the same for every event of a process. */
export interface MachineConfig {
  reconnect: ReconnectPolicy;
  leaseTtlMs: number;
  /** Asks for a pairing code for this number whenever WhatsApp is ready to pair. */
  pairingNumber?: string;
}

/**
 * What the machine may not take from the world itself, handed in with each event so a turn is
 * deterministic: the settings, the time of the event, and one random draw for the back-off jitter.
 */
export interface MachineEnv {
  config: MachineConfig;
  now: Date;
  /** A draw in [0, 1). */
  random: number;
}

/** The timers the driver keeps, by name: setting a name again replaces the earlier one. */
export type TimerName =
  /** Try the lease again (standing by, or the lease store was unreachable). */
  | 'acquire'
  /** Renew the lease we hold, with our state as its note. */
  | 'renew'
  /** Open a socket again (back-off, restart asked by WhatsApp, new pairing after a logout). */
  | 'connect';

/** Where the lease is: not ours, being asked for, ours, or lost and its new holder being read. */
export type LeasePhase = 'free' | 'acquiring' | 'held' | 'losing';

/** The current socket: `opening` until the factory returns it, `live` once its events are attached. */
export interface SocketSlot {
  /** Numbers each socket, so events of an older socket are told apart and ignored. */
  id: number;
  phase: 'opening' | 'live';
  /** A pairing code was asked for on this socket already (once per socket). */
  pairingRequested: boolean;
}

/** An admin's unlinking in progress: waiting for WhatsApp's logout, or clearing the login here. */
export type UnpairPhase = 'none' | 'logging_out' | 'clearing';

/**
 * Everything the connection knows, as plain data. `status.state` is the state the admin sees;
 * the process runs exactly while it is not `stopped`.
 */
export interface MachineState {
  status: WhatsAppStatus;
  lease: LeasePhase;
  socket?: SocketSlot;
  nextSocketId: number;
  /** A number an admin asked a pairing code for, used at the next QR. */
  pendingPairingNumber?: string;
  unpair: UnpairPhase;
}

/** What happened: asked by the owner or an admin, answered by the lease store, Baileys or a timer. */
export type ConnectionEvent =
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'lease_acquired'; lease: Lease }
  /** Another process holds the lease; its note is that process's session state. */
  | { type: 'lease_held_elsewhere'; lease: Lease }
  | { type: 'lease_unreachable'; error: unknown }
  | { type: 'lease_renewed' }
  /** The renewal found the lease taken over by another process. */
  | { type: 'lease_lost' }
  | { type: 'lease_renew_failed'; error: unknown }
  /** The lease as read after losing it (undefined when it could not be read). */
  | { type: 'lease_read'; lease: Lease | undefined }
  | { type: 'timer_fired'; name: TimerName }
  | { type: 'socket_created'; id: number }
  /** The socket could not be made; `paired` says whether the loaded login is a paired one. */
  | { type: 'socket_failed'; id: number; error: unknown; paired: boolean }
  | { type: 'qr'; id: number; qr: string; paired: boolean }
  | { type: 'socket_opened'; id: number; account: string | undefined }
  | { type: 'socket_closed'; id: number; code: number | undefined; error: unknown; paired: boolean }
  | { type: 'pairing_code'; id: number; phone: string; code: string }
  | { type: 'pairing_code_failed'; id: number; error: unknown }
  /** The stored login was cleared (or not: `error`). */
  | { type: 'auth_cleared'; error?: unknown }
  | { type: 'logout_failed'; error: unknown }
  | { type: 'undecryptable'; error: string }
  /** An admin asks for a pairing code; `paired` says whether the loaded login is a paired one. */
  | { type: 'admin_pair'; phone: string; paired: boolean }
  | { type: 'admin_restart' }
  | { type: 'admin_unpair' };

/** Severity of a log command, as the logger names it. */
export type LogLevel = 'info' | 'warn' | 'error';

/** What the driver must do, as data, in order. */
export type ConnectionCommand =
  | { type: 'acquire_lease' }
  | { type: 'renew_lease'; note: WhatsAppState }
  /** Gives the lease up (after the pending credential saves are written). */
  | { type: 'release_lease' }
  | { type: 'read_lease' }
  | { type: 'set_timer'; name: TimerName; ms: number }
  | { type: 'clear_timer'; name: TimerName }
  /** Loads the login (unless still loaded) and makes a socket; answers socket_created or socket_failed. */
  | { type: 'open_socket'; id: number }
  /** Listens to the socket's events and hands it to the message handlers. */
  | { type: 'attach_socket'; id: number }
  /** Stops listening to the socket and ends it. */
  | { type: 'close_socket'; id: number }
  /** Stops listening to a socket that closed by itself. */
  | { type: 'forget_socket'; id: number }
  | { type: 'request_pairing_code'; id: number; phone: string }
  | { type: 'logout'; id: number }
  /** Drops the loaded login, so the next socket reads it from the store again. */
  | { type: 'forget_auth' }
  /** Clears the stored login after the pending saves; answers auth_cleared. */
  | { type: 'clear_auth_store' }
  | { type: 'print_qr'; qr: string }
  | { type: 'log'; level: LogLevel; msg: string; data?: Record<string, unknown> }
  /** An admin request that cannot be done now; the message is for the admin, in Indonesian. */
  | { type: 'refuse'; message: string };

/** One turn's outcome, as the dialogue engine's `step()` gives it. */
export interface Transition {
  state: MachineState;
  commands: ConnectionCommand[];
}

/** A turn being worked out: a copy of the state the handlers change, and the commands so far. */
export interface Turn {
  s: MachineState;
  commands: ConnectionCommand[];
  env: MachineEnv;
}

/** A stopped connection that never ran. */
export function initialState(now: Date): MachineState {
  return {
    status: { state: 'stopped', since: now, reconnects: 0, badMacCount: 0, leaseOurs: false },
    lease: 'free',
    nextSocketId: 1,
    unpair: 'none',
  };
}

/** Moves to `state`; `since` changes only when the state does. */
export function enter(t: Turn, state: WhatsAppState): void {
  if (t.s.status.state !== state) t.s.status.since = t.env.now;
  t.s.status.state = state;
}

/** Sets or clears what the admin must do. */
export function alert(t: Turn, text: string | undefined): void {
  if (text === undefined) delete t.s.status.alert;
  else t.s.status.alert = text;
}

/** Queues a command. */
export function emit(t: Turn, command: ConnectionCommand): void {
  t.commands.push(command);
}

/** Queues a log line. */
export function log(t: Turn, level: LogLevel, msg: string, data?: Record<string, unknown>): void {
  t.commands.push(data ? { type: 'log', level, msg, data } : { type: 'log', level, msg });
}

/** The process runs (between start and stop). */
export function running(s: MachineState): boolean {
  return s.status.state !== 'stopped';
}

/** The time for an alert, in UTC to the minute. */
export function clock(now: Date): string {
  return now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
