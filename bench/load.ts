/**
 * `npm run bench:load`: simulated citizens through the real inbound path (idempotency claim,
 * conversation store, NLU, engine, effects, GridFS) on the real database, in process, printed as
 * one table. Each citizen completes a KTP-el application (lost card: police report PDF and KK
 * photo, two uploads, 13 messages) with N = 1, 20 and 50 conversations at once (500 drives the embedded FerretDB past
 * its 10 s lock wait: see docs/performance.md). Beside it, the
 * ceiling: the least database work a message needs (read the conversation document, write it
 * back, same size), as operations per second at the same concurrency. Then the resident memory
 * with many conversations in progress and the start-up split.
 *
 * Runs compiled (`npm run build:bench`, then `node dist/bench/load.js`), as the image runs the
 * server: the memory measured is the server's, without tsx's loader thread.
 *
 * Uses MONGODB_URI if set (a database named `loket_bench_<random>` in it, dropped afterwards),
 * otherwise starts the embedded FerretDB on a temporary directory. Sizes are picked so a fresh
 * 2-core machine finishes in a few minutes; LOAD_BENCH_SIZES (e.g. `1,50`) and LOAD_BENCH_IDLE
 * override the conversation counts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import type { HandleResult, InboundMessage } from '../src/app/inbound.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/config/logger.js';
import { startEmbeddedFerretDb, type EmbeddedDb } from '../src/adapters/mongo/embedded-ferretdb.js';
import { createLoket, type Loket } from '../src/main.js';
import { PROJECT_ROOT } from '../src/config/project-root.js';
import { percentile } from './nlu-metrics.js';

const FILES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'files');
const SIZES = (process.env.LOAD_BENCH_SIZES ?? '1,20,50').split(',').map(Number);
const IDLE_CONVERSATIONS = Number(process.env.LOAD_BENCH_IDLE ?? 10_000);
const TARGET = { ratio: 0.7, plainRoundTrips: 3, idleRssMb: 250, startupMs: 2000 };

/** One citizen turn: text, or an upload of a fixture file. */
type Turn = { say: string } | { file: string };

/** test/app/transcripts/ktp-hilang.yaml without the status check: 11 texts, 2 uploads. */
const SCRIPT: Turn[] = [
  { say: 'halo' },
  { say: 'ktp sy ilang mw bikin lg' },
  { say: 'setuju' },
  { say: 'hilang' },
  { say: 'Siti Rahmawati' },
  { say: '3171 0155 0592 0003' },
  { say: '081298765432' },
  { say: 'kebon kelapa' },
  { say: '3171010101900002' },
  { file: 'surat.pdf' },
  { file: 'foto-kk.png' },
  { say: 'kirim' },
  { say: 'cek status' },
];
/** The turn whose replies prove the application went in. */
const SUBMIT_TURN = 11;
/** A plain text answer (the name step): no effect, no NLU intent, no upload. */
const PLAIN_TURN = 4;
/** The plain text answers from PLAIN_TURN on: name, NIK, phone, kelurahan, KK number. */
const PLAIN_TURNS = 5;

/** Counts driver commands (real round trips) by "command collection" while `on`. */
class RoundTrips {
  total = 0;
  byKind = new Map<string, number>();
  /** Milliseconds the database took, by kind (commandSucceeded/Failed durations). */
  msByKind = new Map<string, number>();
  on = false;
  attach(loket: Loket): void {
    const client = loket.conn.getClient();
    const time = (e: { commandName: string; duration: number; requestId: number }): void => {
      if (!this.on) return;
      const kind = this.kinds.get(e.requestId) ?? e.commandName;
      this.kinds.delete(e.requestId);
      this.msByKind.set(kind, (this.msByKind.get(kind) ?? 0) + e.duration);
    };
    client.on('commandSucceeded', time);
    client.on('commandFailed', time);
    client.on('commandStarted', (e) => {
      if (!this.on) return;
      this.total++;
      const cmd = e.command as Record<string, unknown>;
      const coll = typeof cmd[e.commandName] === 'string' ? String(cmd[e.commandName]) : '';
      const kind = `${e.commandName} ${coll}`.trim();
      this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
      this.kinds.set(e.requestId, kind);
    });
  }
  private kinds = new Map<number, string>();
  reset(): void {
    this.total = 0;
    this.byKind.clear();
    this.msByKind.clear();
  }
  /** Database milliseconds of the measured period. */
  dbMs(): number {
    return [...this.msByKind.values()].reduce((a, b) => a + b, 0);
  }
}

/** Samples resident memory so the peak between `reset()` calls is known. */
class RssPeak {
  peak = 0;
  private timer = setInterval(() => this.sample(), 25);
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
  reset(): void {
    this.peak = process.memoryUsage.rss();
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

const files = new Map<string, Buffer>();

function message(chatId: string, n: number, turn: Turn): InboundMessage {
  const base = { channel: 'terminal' as const, chatId, messageId: `${chatId}-${n}`, at: new Date() };
  if ('say' in turn) return { ...base, content: { kind: 'text', text: turn.say } };
  const bytes = files.get(turn.file);
  if (!bytes) throw new Error(`fixture ${turn.file} not loaded`);
  return {
    ...base,
    content: {
      kind: 'file',
      file: { filename: turn.file, announcedSize: bytes.length, fetch: () => Promise.resolve(bytes) },
    },
  };
}

interface RunResult {
  messages: number;
  seconds: number;
  latencies: number[];
  /** Latencies by turn of SCRIPT (which messages are slow). */
  byTurn: Map<number, number[]>;
  roundTrips: number;
  /** Summed database time of all commands (overlapping when concurrent). */
  dbMs: number;
  /** Deliveries that threw and were redelivered. */
  errors: number;
  peakRss: number;
  /** This process's CPU time (all threads), in ms. */
  cpuMs: number;
}

/** CPU time of this process since `from`, in ms. */
const cpuMsSince = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** A failed message is redelivered, as Telegram and WhatsApp do; `onError` counts each failure. */
async function deliver(loket: Loket, msg: InboundMessage, onError: () => void): Promise<HandleResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await loket.handleInbound(msg);
    } catch (err) {
      onError();
      if (attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  }
}

/** Which turns of SCRIPT a run measures, and how many citizens each of the N lanes serves in turn. */
interface Stage {
  /** The measured turns [from, to); the turns before `from` are sent first, unmeasured. */
  from: number;
  to: number;
  citizensPerLane: number;
}
const WHOLE_SCRIPT: Stage = { from: 0, to: SCRIPT.length, citizensPerLane: 1 };

/** N citizens at once, each sending the script turn by turn (the next after the reply). */
async function runConversations(
  loket: Loket,
  trips: RoundTrips,
  rss: RssPeak,
  n: number,
  tag: string,
  stage: Stage = WHOLE_SCRIPT,
): Promise<RunResult> {
  const latencies: number[] = [];
  const byTurn = new Map<number, number[]>();
  let errors = 0;
  const chat = (lane: number, c: number): string => `${tag}-${lane}-${c}`;
  // Unmeasured: bring every citizen to the stage's first turn.
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      for (let c = 0; c < stage.citizensPerLane; c++)
        for (let k = 0; k < stage.from; k++)
          await deliver(loket, message(chat(i, c), k, SCRIPT[k] as Turn), () => undefined);
    }),
  );
  trips.reset();
  rss.reset();
  trips.on = true;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      for (let c = 0; c < stage.citizensPerLane; c++) {
        const chatId = chat(i, c);
        for (let k = stage.from; k < stage.to; k++) {
          const s = performance.now();
          const res = await deliver(loket, message(chatId, k, SCRIPT[k] as Turn), () => errors++);
          const ms = performance.now() - s;
          latencies.push(ms);
          byTurn.set(k, [...(byTurn.get(k) ?? []), ms]);
          if (res.status !== 'processed') throw new Error(`${chatId} turn ${k}: ${res.status}`);
          if (k === SUBMIT_TURN && !JSON.stringify(res.replies).includes('PTSP-'))
            throw new Error(`${chatId}: no tracking number after "kirim": ${JSON.stringify(res.replies)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpuMs = cpuMsSince(cpu0);
  trips.on = false;
  rss.sample();
  return {
    cpuMs,
    messages: latencies.length,
    seconds,
    latencies,
    byTurn,
    roundTrips: trips.total,
    dbMs: trips.dbMs(),
    errors,
    peakRss: rss.peak,
  };
}

/**
 * The ceiling: per operation, read one conversation-sized document and write it back (two round
 * trips, no lock, no idempotency, no engine), `concurrency` at a time, for `ops` operations.
 */
async function ceiling(
  loket: Loket,
  docBytes: number,
  concurrency: number,
  ops: number,
): Promise<{ perSecond: number; cpuMsPerOp: number }> {
  const db = loket.conn.db;
  if (!db) throw new Error('no database');
  const coll = db.collection<{ _id: string; state: string; version: number }>('bench_ceiling');
  const state = 'x'.repeat(docBytes);
  await coll.insertMany(Array.from({ length: concurrency }, (_, i) => ({ _id: `c${i}`, state, version: 1 })));
  let left = ops;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      while (left-- > 0) {
        const doc = await coll.findOne({ _id: `c${i}` });
        if (!doc) throw new Error('ceiling document missing');
        await coll.updateOne({ _id: doc._id }, { $set: { state: doc.state, version: doc.version + 1 } });
      }
    }),
  );
  const perSecond = ops / ((performance.now() - t0) / 1000);
  const cpuMsPerOp = cpuMsSince(cpu0) / ops;
  await coll.drop();
  return { perSecond, cpuMsPerOp };
}

/** The three turns with the highest p95 latency, as `"kirim" 192`. */
function slowestTurns(byTurn: Map<number, number[]>): string {
  return [...byTurn]
    .map(([k, ms]) => {
      const turn = SCRIPT[k];
      return [turn ? ('say' in turn ? turn.say : turn.file) : String(k), percentile(ms, 95)] as const;
    })
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([turn, p95]) => `"${turn}" ${p95.toFixed(0)}`)
    .join(', ');
}

/** Round trips of one plain text turn (the name step), measured alone. */
async function plainTurnRoundTrips(loket: Loket, trips: RoundTrips): Promise<Map<string, number>> {
  const chatId = 'plain';
  for (const [k, turn] of SCRIPT.slice(0, PLAIN_TURN).entries())
    await loket.handleInbound(message(chatId, k, turn));
  trips.reset();
  trips.on = true;
  await loket.handleInbound(message(chatId, PLAIN_TURN, SCRIPT[PLAIN_TURN] as Turn));
  trips.on = false;
  return new Map(trips.byKind);
}

/**
 * Many conversations in progress. Driving 10,000 citizens through 13 turns each would take the
 * best part of an hour on FerretDB, so one citizen is driven to the middle of the KTP-el flow and
 * its stored state is written for `count` chats through the conversation store (state lives only
 * in the database); then 100 of those chats are driven on to the end, proving the state is live,
 * and memory is measured after a GC.
 */
async function idleConversations(
  loket: Loket,
  count: number,
): Promise<{ rssMb: number; heapMb: number; heapTotalMb: number; externalMb: number; continued: number }> {
  const seedChat = 'idle-seed';
  for (const [k, turn] of SCRIPT.slice(0, 9).entries()) await loket.handleInbound(message(seedChat, k, turn));
  const seed = await loket.repos.conversations.read('terminal', seedChat);
  if (!seed) throw new Error('seed conversation missing');
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = next++; i < count; i = next++)
        await loket.repos.conversations.write('terminal', `idle-${i}`, seed.state, null);
    }),
  );
  let continued = 0;
  // 20 citizens at a time, as in the middle stage: 100 uploads in flight at once would measure
  // the peak of their buffers (which the allocator keeps) rather than the conversations.
  let sampled = 0;
  const samples = Math.min(100, count);
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let j = sampled++; j < samples; j = sampled++) {
        const chatId = `idle-${Math.floor((j * count) / samples)}`;
        for (let k = 9; k < SCRIPT.length; k++) {
          const res = await deliver(loket, message(chatId, k, SCRIPT[k] as Turn), () => undefined);
          if (k === SUBMIT_TURN && JSON.stringify(res.replies).includes('PTSP-')) continued++;
        }
      }
    }),
  );
  for (let i = 0; i < 2; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
  const m = process.memoryUsage();
  return {
    rssMb: m.rss / 2 ** 20,
    heapMb: m.heapUsed / 2 ** 20,
    heapTotalMb: m.heapTotal / 2 ** 20,
    externalMb: m.external / 2 ** 20,
    continued,
  };
}

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]): string =>
    `| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  return [
    line(rows[0] ?? []),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const ok = (pass: boolean): string => (pass ? 'ok' : 'MISSED');

async function main(): Promise<void> {
  for (const f of ['surat.pdf', 'foto-kk.png']) files.set(f, await readFile(path.join(FILES, f)));
  let embedded: EmbeddedDb | undefined;
  let tmp: string | undefined;
  let base = process.env.MONGODB_URI;
  let dbDesc = process.env.LOAD_BENCH_DB_LABEL ?? 'MONGODB_URI';
  if (!base) {
    tmp = await mkdtemp(path.join(tmpdir(), 'loket-bench-'));
    const t = performance.now();
    embedded = await startEmbeddedFerretDb({ dataDir: tmp, port: await freePort() });
    dbDesc = `embedded ${path.basename(embedded.binary)} (SQLite), up in ${(performance.now() - t).toFixed(0)} ms`;
    base = embedded.uri;
  }
  const dbName = `loket_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  url.searchParams.set('monitorCommands', 'true');
  // An empty DATA_DIR: the first start trains the NLU and stores it; the restart below reads it.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loket-bench-data-'));
  const config = loadConfig({ MONGODB_URI: url.toString(), LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const loket = await createLoket(config, createLogger('silent'));
  (globalThis as { gc?: () => void }).gc?.();
  const rssAtStart = process.memoryUsage().rss;
  const trips = new RoundTrips();
  trips.attach(loket);
  const rss = new RssPeak();
  const log = (s: string) => process.stderr.write(`[bench:load] ${s}\n`);
  try {
    // Warm-up: JIT, connection pool, first GridFS writes.
    await runConversations(loket, trips, rss, 5, 'warm');
    const plain = await plainTurnRoundTrips(loket, trips);
    const plainTotal = [...plain.values()].reduce((a, b) => a + b, 0);
    const plainMs = new Map(trips.msByKind);
    const sample = await loket.repos.conversations.read('terminal', 'plain');
    const docBytes = JSON.stringify(sample?.state ?? {}).length;

    const rows: string[][] = [
      [
        'conversations',
        'messages',
        'workload',
        'msgs/s',
        'ceiling ops/s',
        'ratio',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'round trips/msg',
        'DB ms/msg',
        'CPU ms/msg (ceiling)',
        'errors',
        'peak RSS MB',
      ],
    ];
    const ratios = { script: [] as number[], plain: [] as number[] };
    const slowest: string[] = [];
    for (const n of SIZES) {
      // The plain text answers (name, NIK, phone, kelurahan, KK number): a message that needs only
      // its conversation read and written, like the ceiling's operation. Each of the N lanes
      // serves citizens one after another until about 250 messages are measured. Measured first,
      // then the ceiling, on the same database state: after the whole application's stage the
      // database stays busy for a while with that stage's churn, which would be charged to
      // whichever stage came next.
      log(`${n} conversation(s) x plain text answers ...`);
      const p = await runConversations(loket, trips, rss, n, `p${n}`, {
        from: PLAIN_TURN,
        to: PLAIN_TURN + PLAIN_TURNS,
        citizensPerLane: Math.max(1, Math.ceil(250 / (n * PLAIN_TURNS))),
      });
      const versions = loket.conn.collection('conversations');
      log(
        `  conversations: ${await versions.countDocuments()} versions of ${(await versions.distinct('chatId')).length} chats`,
      );
      const { perSecond: ceil, cpuMsPerOp } = await ceiling(
        loket,
        docBytes,
        n,
        Math.max(200, Math.min(n * SCRIPT.length, 4000)),
      );
      log(`${n} conversation(s) x ${SCRIPT.length} messages ...`);
      const r = await runConversations(loket, trips, rss, n, `c${n}`);
      slowest.push(`${n}: ${slowestTurns(r.byTurn)}`);
      for (const [kind, run] of [
        ['script', r],
        ['plain', p],
      ] as const) {
        const mps = run.messages / run.seconds;
        ratios[kind].push(mps / ceil);
        rows.push([
          String(n),
          String(run.messages),
          kind === 'script' ? 'whole application' : 'plain text answers',
          mps.toFixed(0),
          ceil.toFixed(0),
          (mps / ceil).toFixed(2),
          percentile(run.latencies, 50).toFixed(1),
          percentile(run.latencies, 95).toFixed(1),
          percentile(run.latencies, 99).toFixed(1),
          (run.roundTrips / run.messages).toFixed(1),
          (run.dbMs / run.messages).toFixed(1),
          `${(run.cpuMs / run.messages).toFixed(2)} (${cpuMsPerOp.toFixed(2)})`,
          String(run.errors),
          mb(run.peakRss),
        ]);
      }
    }
    log(`${IDLE_CONVERSATIONS} conversations in progress ...`);
    const idle = await idleConversations(loket, IDLE_CONVERSATIONS);
    // Last, so its memory is not in the measures above: a second process starting on the same
    // database, with the indexes and offices in place and the NLU model stored by the first.
    const restart = await createLoket(config, createLogger('silent'));
    await restart.stop();
    const s = loket.startup;
    const worstPlain = Math.min(...ratios.plain);
    const worstScript = Math.min(...ratios.script);
    process.stdout.write(`${table(rows)}\n\n`);
    process.stdout.write(
      `${table([
        ['measure', 'value', 'target', ''],
        [
          'plain text msgs/s / ceiling ops/s (worst N)',
          worstPlain.toFixed(2),
          `>= ${TARGET.ratio}`,
          ok(worstPlain >= TARGET.ratio),
        ],
        [
          'whole-application msgs/s / ceiling ops/s (worst N)',
          `${worstScript.toFixed(2)} (uploads and the submission do more than one read and write)`,
          '',
          '',
        ],
        [
          'round trips per plain text message',
          String(plainTotal),
          `<= ${TARGET.plainRoundTrips}`,
          ok(plainTotal <= TARGET.plainRoundTrips),
        ],
        [
          `RSS with ${IDLE_CONVERSATIONS} conversations in progress (after GC)`,
          `${idle.rssMb.toFixed(0)} MB (heap ${idle.heapMb.toFixed(0)} MB used of ${idle.heapTotalMb.toFixed(0)}, external ${idle.externalMb.toFixed(0)} MB; ${mb(rssAtStart)} MB after start-up; ${idle.continued}/100 sampled chats finished)`,
          `< ${TARGET.idleRssMb} MB`,
          ok(idle.rssMb < TARGET.idleRssMb),
        ],
        ...(
          [
            ['first start (new database, NLU trained)', s],
            ['restart (NLU model stored, indexes in place)', restart.startup],
          ] as const
        ).map(([what, st]) => [
          `start-up to ready, ${what} (DB connect+indexes | catalog | NLU ${st.nlu})`,
          `${st.totalMs} ms (${st.databaseMs} | ${st.catalogMs} | ${st.nluMs})`,
          `< ${TARGET.startupMs} ms`,
          ok(st.totalMs < TARGET.startupMs),
        ]),
      ])}\n\n`,
    );
    process.stdout.write(
      `Slowest turns of the whole application, p95 ms, by conversations: ${slowest.join('; ')}\n`,
    );
    process.stdout.write(
      `Round trips of one plain text message (count, DB ms): ${[...plain.entries()]
        .map(([k, v]) => `${k} ${v} (${(plainMs.get(k) ?? 0).toFixed(1)})`)
        .join(', ')}\n`,
    );
    // bench-pg.sh --gin names its GIN indexes in the database's label.
    if (worstPlain < TARGET.ratio && /ferretdb/i.test(dbDesc) && !dbDesc.includes('GIN'))
      process.stdout.write(
        'FerretDB 1.24 answers every lookup with a scan of its collection (conversations keep superseded versions a while; the ceiling updates its few documents in place): `npm run bench:load:pg -- --gin` measures with lookups from an index, as on MongoDB. See docs/performance.md.\n',
      );
    process.stdout.write(
      `Machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, ${mb(totalmem())} MB RAM (${mb(freemem())} MB free), Node ${process.version}; database: ${dbDesc}; conversation document ${docBytes} bytes of state\n`,
    );
  } finally {
    rss.stop();
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
    if (embedded) await embedded.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
