import {
  onAuthCleared,
  onLogoutFailed,
  onPair,
  onRestart,
  onStart,
  onStop,
  onUndecryptable,
  onUnpair,
} from './connection-admin.js';
import {
  onAcquired,
  onHeldElsewhere,
  onLeaseRead,
  onLost,
  onRenewDue,
  onRenewFailed,
  onUnreachable,
  tryAcquire,
} from './connection-lease.js';
import {
  connect,
  onClosed,
  onCreated,
  onFailed,
  onOpened,
  onPairingCode,
  onPairingCodeFailed,
  onQr,
} from './connection-socket.js';
import type {
  ConnectionEvent,
  MachineEnv,
  MachineState,
  TimerName,
  Transition,
  Turn,
} from './connection-state.js';

export { initialState } from './connection-state.js';
export type {
  ConnectionCommand,
  ConnectionEvent,
  MachineConfig,
  MachineEnv,
  MachineState,
  Transition,
} from './connection-state.js';
export { normalizePhone } from './connection-admin.js';

function copy(state: MachineState): MachineState {
  return {
    ...state,
    status: { ...state.status },
    ...(state.socket ? { socket: { ...state.socket } } : {}),
  };
}

function onTimer(t: Turn, name: TimerName): void {
  if (name === 'acquire') tryAcquire(t);
  else if (name === 'renew') onRenewDue(t);
  else connect(t);
}

function handle(t: Turn, e: ConnectionEvent): void {
  switch (e.type) {
    case 'start':
      return onStart(t);
    case 'stop':
      return onStop(t);
    case 'lease_acquired':
      return onAcquired(t, e.lease);
    case 'lease_held_elsewhere':
      return onHeldElsewhere(t, e.lease);
    case 'lease_unreachable':
      return onUnreachable(t, e.error);
    case 'lease_renewed':
      return;
    case 'lease_lost':
      return onLost(t);
    case 'lease_renew_failed':
      return onRenewFailed(t, e.error);
    case 'lease_read':
      return onLeaseRead(t, e.lease);
    case 'timer_fired':
      return onTimer(t, e.name);
    case 'socket_created':
      return onCreated(t, e.id);
    case 'socket_failed':
      return onFailed(t, e.id, e.error, e.paired);
    case 'qr':
      return onQr(t, e.id, e.qr, e.paired);
    case 'socket_opened':
      return onOpened(t, e.id, e.account);
    case 'socket_closed':
      return onClosed(t, e.id, e.code, e.error, e.paired);
    case 'pairing_code':
      return onPairingCode(t, e.id, e.phone, e.code);
    case 'pairing_code_failed':
      return onPairingCodeFailed(t, e.error);
    case 'auth_cleared':
      return onAuthCleared(t, e.error);
    case 'logout_failed':
      return onLogoutFailed(t, e.error);
    case 'undecryptable':
      return onUndecryptable(t, e.error);
    case 'admin_pair':
      return onPair(t, e.phone, e.paired);
    case 'admin_restart':
      return onRestart(t);
    case 'admin_unpair':
      return onUnpair(t);
  }
}

/**
 * The WhatsApp connection as a pure state machine, the same pattern as the dialogue engine's
 * `step()`: one event in, the next state and the commands for the driver out. No I/O, no clock
 * and no randomness of its own (they come in `env`), never mutates `state`; so every path, from
 * each disconnect code to the lease changing hands, is testable event by event without timers.
 */
export function transition(state: MachineState, event: ConnectionEvent, env: MachineEnv): Transition {
  const t: Turn = { s: copy(state), commands: [], env };
  handle(t, event);
  return { state: t.s, commands: t.commands };
}
