import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DbConnection } from '../adapters/mongo/connection.js';
import { createMongoLeases } from '../adapters/mongo/mongo-lease.js';
import type { Config } from '../config/config.js';
import { DEFAULT_HOLIDAY_DATES } from '../domain/holidays.js';
import type { LeaseRepository } from '../ports/lease.js';

/**
 * What every part of one Loket shares and must agree on, built once by `createRuntime` and passed
 * down: who this Loket is in leases and outbox claims, which days the counters are closed, what
 * time it is, and the leases themselves.
 */
export interface Runtime {
  /**
   * host:pid:random, one per Loket (two servers in one test process are two holders): names this
   * Loket in every lease it takes and every outbox row it claims, so an operator can see who works.
   */
  holder: string;
  /** The national holidays plus HOLIDAYS: working days, SLA due dates and counter hours use them. Read only. */
  holidays: string[];
  now: () => Date;
  /** Named leases (with their indexes) for the work one process at a time may do. */
  leases: LeaseRepository;
}

/** What a test may fix in the runtime; production passes nothing. */
export interface RuntimeOptions {
  holder?: string;
  now?: () => Date;
}

/** The runtime of one Loket on `conn`: its holder id, the holiday list, the clock and the leases. */
export async function createRuntime(
  config: Pick<Config, 'HOLIDAYS'>,
  conn: DbConnection,
  opts: RuntimeOptions = {},
): Promise<Runtime> {
  const leases = createMongoLeases(conn);
  await leases.ensureIndexes();
  return {
    holder: opts.holder ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    holidays: [...DEFAULT_HOLIDAY_DATES, ...config.HOLIDAYS],
    now: opts.now ?? (() => new Date()),
    leases,
  };
}
