import {
  initialState,
  transition,
  type ConnectionCommand,
  type ConnectionEvent,
  type MachineConfig,
  type MachineState,
} from '../../../src/adapters/whatsapp/connection-machine.js';
import type { Lease } from '../../../src/ports/lease.js';

/** The settings every machine test runs with, unless it says otherwise. */
export const CONFIG: MachineConfig = {
  reconnect: { baseMs: 1000, maxMs: 8000, maxAttempts: 3 },
  leaseTtlMs: 30_000,
};
/** The clock of the tests: alerts show it as "2026-01-05 03:04 UTC". */
export const T0 = new Date('2026-01-05T03:04:05Z');

/** A lease held by `holder`, with its session state as the note. */
export const leaseOf = (holder: string, note?: string): Lease => ({
  name: 'whatsapp:default',
  holder,
  expiresAt: new Date(T0.getTime() + 30_000),
  ...(note === undefined ? {} : { note }),
});

/** A close error as Baileys gives it (a Boom with the raw code). */
export const closeError = (code: number, message = 'Connection Failure') =>
  Object.assign(new Error(message), { output: { statusCode: code } });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Drives the machine event by event, the way the driver does, with no timers and no I/O. Every
 * state is frozen before the next event, so a transition that mutated its input would throw.
 */
export class Sim {
  state: MachineState = deepFreeze(initialState(T0));
  commands: ConnectionCommand[] = [];
  /** The random draw and the clock the next events get. */
  random = 0.5;
  now = T0;

  constructor(readonly config: MachineConfig = CONFIG) {}

  feed(event: ConnectionEvent): ConnectionCommand[] {
    const next = transition(this.state, event, { config: this.config, now: this.now, random: this.random });
    this.state = deepFreeze(next.state);
    this.commands = next.commands;
    return next.commands;
  }

  /** The commands of the last event but its log lines. */
  acts(): ConnectionCommand[] {
    return this.commands.filter((c) => c.type !== 'log');
  }

  /** The messages of the last event's log lines. */
  logs(): string[] {
    return this.commands.flatMap((c) => (c.type === 'log' ? [c.msg] : []));
  }

  get status() {
    return this.state.status;
  }

  /** The id of the socket the machine last asked to open. */
  socketId(): number {
    const id = this.state.socket?.id;
    if (id === undefined) throw new Error('no socket');
    return id;
  }

  /** Started, the lease ours, a socket made and listened to. */
  static held(config?: MachineConfig): Sim {
    const sim = new Sim(config);
    sim.feed({ type: 'start' });
    sim.feed({ type: 'lease_acquired', lease: leaseOf('server-a') });
    sim.feed({ type: 'socket_created', id: sim.socketId() });
    return sim;
  }

  /** Held, and the connection open. */
  static open(config?: MachineConfig): Sim {
    const sim = Sim.held(config);
    sim.feed({ type: 'socket_opened', id: sim.socketId(), account: '6281100000000:7@s.whatsapp.net' });
    return sim;
  }

  /** Closes the current socket with `code`. */
  close(code: number | undefined, paired = true): ConnectionCommand[] {
    const error = code === undefined ? new Error('socket gone') : closeError(code);
    return this.feed({ type: 'socket_closed', id: this.socketId(), code, error, paired });
  }

  /** Fires the connect timer and lets the factory hand out the next socket. */
  reconnect(): void {
    this.feed({ type: 'timer_fired', name: 'connect' });
    this.feed({ type: 'socket_created', id: this.socketId() });
  }
}
