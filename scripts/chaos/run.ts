/**
 * `npm run chaos`: simulated citizens make whole applications on the fake Telegram Bot API and
 * the terminal channel while officers change statuses over the HTTP API, and Loket is killed
 * (SIGKILL) and the database frozen (SIGSTOP) or killed at seeded moments; then, once quiet,
 * the database and the fake's record are checked and one table printed (docs/reliability.md).
 * Exit code 1 when a row's "must be" does not hold.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openConnection } from '../../src/adapters/mongo/connection.js';
import { waitUntil } from '../support/processes.js';
import {
  Mailbox,
  TelegramConversation,
  playTurns,
  type CitizenRecord,
  type Conversation,
} from './citizen.js';
import { conversationRows, databaseRows, renderTable, type Row } from './check.js';
import { Officers, makeOfficerToken } from './officer.js';
import { citizenData } from './script.js';
import {
  chaosSchedule,
  chaosSettings,
  seededRandom,
  type ChaosEvent,
  type ChaosSettings,
  type CitizenPlan,
} from './settings.js';
import { ChaosStack, chaosCipher } from './stack.js';
import { citizenDetails, stuckSummary } from './summary.js';
import { TerminalConversation } from './terminal.js';
import { goldenOf, type Golden } from './transcript.js';

const log = (msg: string) =>
  process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the run did to Loket and the database. */
interface Disruptions {
  kills: number;
  dbPauses: number;
  dbKills: number;
}

/** One citizen from start to tracking number (or stuck), on its channel. */
async function runCitizen(
  stack: ChaosStack,
  mailbox: Mailbox,
  plan: CitizenPlan,
  s: ChaosSettings,
  seed: number,
): Promise<CitizenRecord> {
  const chatId = plan.channel === 'telegram' ? String(700_000 + plan.index) : `chaos-terminal-${plan.index}`;
  const record: CitizenRecord = {
    index: plan.index,
    channel: plan.channel,
    chatId,
    data: citizenData(plan.index),
    sent: [],
    replies: [],
  };
  const rnd = seededRandom(seed * 7919 + plan.index);
  const think = () => plan.thinkMs[0] + rnd() * (plan.thinkMs[1] - plan.thinkMs[0]);
  let conv: Conversation;
  let terminal: TerminalConversation | undefined;
  if (plan.channel === 'telegram') conv = new TelegramConversation(stack.api, mailbox, Number(chatId));
  else {
    const dir = path.join(stack.dir, 'files', chatId);
    await mkdir(dir, { recursive: true });
    conv = terminal = new TerminalConversation(chatId, stack.env, dir);
    if (!(await terminal.ready(s.replyTimeoutS * 1000))) record.stuckAt = 0;
  }
  try {
    if (record.stuckAt === undefined) await playTurns(record, conv, think, s.replyTimeoutS * 1000);
  } finally {
    await terminal?.close();
    if (terminal) record.replies = terminal.texts;
  }
  return record;
}

/** The undisturbed conversation per channel, played before anything is broken. */
async function playGolden(
  stack: ChaosStack,
  mailbox: Mailbox,
  s: ChaosSettings,
): Promise<Record<string, Golden>> {
  const golden: Record<string, Golden> = {};
  const channels: Array<'telegram' | 'terminal'> =
    s.terminalShare > 0 ? ['telegram', 'terminal'] : ['telegram'];
  for (const [k, channel] of channels.entries()) {
    const plan: CitizenPlan = { index: 9000 + k, channel, startAtMs: 0, thinkMs: [100, 200] };
    const r = await runCitizen(stack, mailbox, plan, s, s.seed);
    if (channel === 'telegram') r.replies = [...mailbox.of(r.chatId)];
    if (r.stuckAt !== undefined || !r.tracking)
      throw new Error(
        `the undisturbed ${channel} citizen did not finish (stuck at turn ${r.stuckAt}): ${JSON.stringify(r.replies.slice(-3))}`,
      );
    golden[channel] = goldenOf(r);
  }
  return golden;
}

/** Runs the kills and faults at their moments (one at a time: a late one runs as soon as it can). */
async function disrupt(stack: ChaosStack, events: ChaosEvent[], t0: number): Promise<Disruptions> {
  const done: Disruptions = { kills: 0, dbPauses: 0, dbKills: 0 };
  for (const e of events) {
    await sleep(Math.max(0, t0 + e.atMs - Date.now()));
    log(`${e.kind} at +${Math.round((Date.now() - t0) / 1000)} s`);
    if (e.kind === 'kill') {
      await stack.killLoket();
      done.kills++;
    } else if (e.kind === 'db-pause') {
      await stack.pauseDb(e.pauseMs);
      done.dbPauses++;
    } else {
      await stack.killDb();
      done.dbKills++;
    }
  }
  return done;
}

/**
 * Waits until nothing more is sent, Telegram has every update confirmed and the database holds
 * no work left (an application follow-up not completed, a message not yet sent), or the settle
 * time ends.
 */
async function quiesce(stack: ChaosStack, settleMs: number): Promise<void> {
  let last = -1;
  let quietSince = Date.now();
  const conn = await openConnection(stack.mongoUri);
  const workLeft = async () =>
    (await conn.collection('applications').countDocuments({ effectsPending: true })) +
    (await conn.collection('outbox').countDocuments({ status: { $in: ['pending', 'sending'] } }));
  try {
    await waitUntil(
      'quiescence',
      async () => {
        const n = stack.api.calls.filter((c) => c.method === 'sendMessage').length;
        if (n !== last) [last, quietSince] = [n, Date.now()];
        const quiet = Date.now() - quietSince > 10_000 && stack.api.confirmedOffset > stack.api.lastUpdateId;
        return quiet && (await workLeft()) === 0;
      },
      settleMs,
      500,
    ).catch(() => log('still not quiet at the end of the settle time; checking anyway'));
  } finally {
    await conn.close();
  }
}

/** What the run found and did. */
interface ChaosResult {
  rows: Row[];
  done: Disruptions;
  notes: string[];
  citizens: unknown[];
}

/** The whole run; resolves with the table's rows and what was done. */
async function chaos(s: ChaosSettings): Promise<ChaosResult> {
  const schedule = chaosSchedule(s);
  const stack = await ChaosStack.create();
  log(`data in ${stack.dir}`);
  try {
    await stack.startLoket();
    const mailbox = new Mailbox(stack.api);
    // Replies are timestamped when seen: look often, also while no citizen is waiting.
    const ticker = setInterval(() => mailbox.of(''), 250);
    const officers = new Officers(
      stack.baseUrl,
      await makeOfficerToken(stack.mongoUri),
      seededRandom(s.seed + 1),
      s.officerPauseS * 1000,
    );
    const golden = await playGolden(stack, mailbox, s);
    log(
      `golden conversations played; ${s.citizens} citizens, ${schedule.events.length} disruptions over ${s.durationS} s`,
    );
    const t0 = Date.now();
    const citizens = schedule.citizens.map(async (plan) => {
      await sleep(plan.startAtMs);
      const r = await runCitizen(stack, mailbox, plan, s, s.seed);
      if (r.tracking && r.channel === 'telegram') officers.take(r.tracking, r.chatId);
      log(`citizen ${plan.index} (${plan.channel}) ${r.tracking ?? `stuck at turn ${r.stuckAt}`}`);
      return r;
    });
    const done = await disrupt(stack, schedule.events, t0);
    const records = await Promise.all(citizens);
    officers.deadline = Date.now() + s.settleS * 1000;
    await officers.done();
    await quiesce(stack, s.settleS * 1000);
    clearInterval(ticker);
    for (const r of records) if (r.channel === 'telegram') r.replies = [...mailbox.of(r.chatId)];
    const conn = await openConnection(stack.mongoUri);
    try {
      const rows = [
        ...conversationRows(records, golden),
        ...(await databaseRows(conn, records, officers.changes, (id) => mailbox.of(id), chaosCipher)),
      ];
      const notes = stuckSummary(records, mailbox, s.replyTimeoutS);
      return { rows, done, notes, citizens: citizenDetails(records, golden) };
    } finally {
      await conn.close();
    }
  } finally {
    await stack.close(process.env.CHAOS_KEEP === '1');
  }
}

const settings = chaosSettings();
console.log(
  `CHAOS_SEED=${settings.seed} CHAOS_CITIZENS=${settings.citizens} CHAOS_KILLS=${settings.kills} CHAOS_DB_FAULTS=${settings.dbFaults} CHAOS_DURATION=${settings.durationS}`,
);
const started = Date.now();
const { rows, done, notes, citizens } = await chaos(settings);
console.log(
  `\nLoket killed ${done.kills} times; database frozen ${done.dbPauses} times, killed ${done.dbKills} times; ${Math.round((Date.now() - started) / 1000)} s\n`,
);
console.log(renderTable(rows));
console.log(`\n${notes.join('\n')}`);
const failed = rows.filter((r) => !r.ok);
if (done.kills < settings.kills || done.dbPauses + done.dbKills < settings.dbFaults) {
  console.log('\nnot every scheduled kill or fault ran');
  process.exitCode = 1;
}
// The rows, the disruptions and every citizen's chat as data (the CI test; finding a cause).
if (process.env.CHAOS_REPORT)
  await writeFile(
    process.env.CHAOS_REPORT,
    JSON.stringify({ settings, done, rows, notes, citizens }, null, 2),
  );
if (failed.length > 0) {
  console.log(`\nFAILED: ${failed.map((r) => r.counted).join('; ')}`);
  process.exitCode = 1;
}
