/**
 * The chaos run's settings (environment) and its seeded schedule: which citizens start when, on
 * which channel, and when Loket is killed or the database faulted. The same CHAOS_SEED gives the
 * same schedule; the interleaving with Loket's own timing is what the run explores.
 */

import { seededRandom } from '../../src/nlu/random.js';

/** The NLU's seeded generator (mulberry32): enough to replay a schedule. */
export { seededRandom };

/** The sizes and the seed of one run, from the environment. */
export interface ChaosSettings {
  seed: number;
  citizens: number;
  /** Share of citizens on the terminal channel (the rest on the fake Telegram Bot API). */
  terminalShare: number;
  kills: number;
  dbFaults: number;
  /** Seconds over which citizens start and kills and faults happen. */
  durationS: number;
  /** Seconds a citizen waits for the reply to one message before counting it lost. */
  replyTimeoutS: number;
  /** Seconds after the last event during which delivery may still catch up. */
  settleS: number;
  /** Longest pause, in seconds, an officer takes before each status change. */
  officerPauseS: number;
}

function intEnv(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number >= 0 (got "${raw}")`);
  return n;
}

/** Reads CHAOS_* (defaults: the long run of issue 21). */
export function chaosSettings(env: NodeJS.ProcessEnv = process.env): ChaosSettings {
  return {
    seed: Math.floor(intEnv(env, 'CHAOS_SEED', Math.floor(Math.random() * 2 ** 31))),
    citizens: Math.floor(intEnv(env, 'CHAOS_CITIZENS', 50)),
    terminalShare: intEnv(env, 'CHAOS_TERMINAL_SHARE', 0.1),
    kills: Math.floor(intEnv(env, 'CHAOS_KILLS', 20)),
    dbFaults: Math.floor(intEnv(env, 'CHAOS_DB_FAULTS', 5)),
    durationS: intEnv(env, 'CHAOS_DURATION', 420),
    replyTimeoutS: intEnv(env, 'CHAOS_REPLY_TIMEOUT', 150),
    settleS: intEnv(env, 'CHAOS_SETTLE', 60),
    officerPauseS: intEnv(env, 'CHAOS_OFFICER_PAUSE', 8),
  };
}

/** One simulated citizen: when they start and how they talk. */
export interface CitizenPlan {
  index: number;
  channel: 'telegram' | 'terminal';
  startAtMs: number;
  /** Milliseconds a citizen thinks before each answer (min, max). */
  thinkMs: [number, number];
}

/** A disruption at a moment of the run. */
export type ChaosEvent =
  | { atMs: number; kind: 'kill' }
  | { atMs: number; kind: 'db-pause'; pauseMs: number }
  | { atMs: number; kind: 'db-kill' };

/** Everything one seed decides. */
export interface ChaosSchedule {
  citizens: CitizenPlan[];
  events: ChaosEvent[];
}

/**
 * Citizens start over the first two thirds of the run, so most are mid-application when a kill
 * or a fault comes; kills and faults fall anywhere in the run, at least a few seconds apart.
 */
export function chaosSchedule(s: ChaosSettings): ChaosSchedule {
  const rnd = seededRandom(s.seed);
  const durationMs = s.durationS * 1000;
  const terminal = Math.round(s.citizens * s.terminalShare);
  const step = terminal > 0 ? Math.max(1, Math.floor(s.citizens / terminal)) : Infinity;
  const citizens: CitizenPlan[] = [];
  for (let i = 0; i < s.citizens; i++) {
    citizens.push({
      index: i,
      // Every step-th citizen is on the terminal, so they are spread over the run.
      channel: (i + 1) % step === 0 && (i + 1) / step <= terminal ? 'terminal' : 'telegram',
      startAtMs: Math.floor(rnd() * durationMs * 0.66),
      thinkMs: [200, 400 + Math.floor(rnd() * 2000)],
    });
  }
  const events: ChaosEvent[] = [];
  for (let i = 0; i < s.kills; i++) events.push({ atMs: Math.floor(rnd() * durationMs), kind: 'kill' });
  for (let i = 0; i < s.dbFaults; i++) {
    const atMs = Math.floor(rnd() * durationMs);
    events.push(rnd() < 0.5 ? { atMs, kind: 'db-pause', pauseMs: 5000 } : { atMs, kind: 'db-kill' });
  }
  events.sort((a, b) => a.atMs - b.atMs);
  return { citizens, events };
}
