/**
 * The checks against the database and the fake Bot API's record after the run, and the table
 * they make. Each row says what was counted and what it must be; the run fails when one does
 * not hold.
 */
import { createHash } from 'node:crypto';
import type { DbConnection } from '../../src/adapters/mongo/connection.js';
import { eventModel } from '../../src/adapters/mongo/event-model.js';
import { MongoEventLog } from '../../src/adapters/mongo/mongo-event-log.js';
import type { ApplicationStatus } from '../../src/domain/application.js';
import { describeStatus } from '../../src/domain/status.js';
import type { FieldCipher } from '../../src/ports/field-cipher.js';
import type { CitizenRecord } from './citizen.js';
import type { StatusChangeRecord } from './officer.js';
import { checkChat, type Golden } from './transcript.js';

/** One row of the table. */
export interface Row {
  counted: string;
  mustBe: string;
  found: string;
  ok: boolean;
}

interface StoredApp {
  _id: unknown;
  trackingNumber: string;
  applicant: { contact?: { channel: string; chatId: string } };
  documents: Array<{ id: string; sha256: string; size: number }>;
  statusHistory: Array<{ to: ApplicationStatus; by: { kind: string } }>;
}

const contactOf = (r: CitizenRecord) => `${r.channel}:${r.chatId}`;

/** The conversation rows: messages sent and answered, replies lost, duplicated, out of order. */
export function conversationRows(records: CitizenRecord[], golden: Record<string, Golden>): Row[] {
  const sum = { sent: 0, answered: 0, lost: 0, duplicated: 0, outOfOrder: 0, replies: 0 };
  for (const r of records) {
    const f = checkChat(r, golden[r.channel]!);
    for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += f[k];
  }
  const share = sum.replies === 0 ? 0 : sum.duplicated / sum.replies;
  return [
    { counted: 'citizen messages sent', mustBe: '–', found: String(sum.sent), ok: true },
    {
      counted: 'messages answered',
      mustBe: `all (${sum.sent})`,
      found: String(sum.answered),
      ok: sum.answered === sum.sent,
    },
    { counted: 'replies lost', mustBe: '0', found: String(sum.lost), ok: sum.lost === 0 },
    {
      counted: 'replies duplicated',
      mustBe: '≤ 1 %',
      found: `${sum.duplicated} of ${sum.replies} (${(share * 100).toFixed(2)} %)`,
      ok: share <= 0.01,
    },
    { counted: 'replies out of order', mustBe: '0', found: String(sum.outOfOrder), ok: sum.outOfOrder === 0 },
  ];
}

/** Applications per citizen, status changes with their audit and notice, and files. */
export async function databaseRows(
  conn: DbConnection,
  records: CitizenRecord[],
  changes: StatusChangeRecord[],
  noticesTo: (chatId: string) => string[],
  cipher: FieldCipher,
): Promise<Row[]> {
  const apps = (await conn.collection('applications').find({}).toArray()) as unknown as StoredApp[];
  const byContact = new Map<string, StoredApp[]>();
  for (const a of apps) {
    const c = a.applicant.contact;
    const key = c ? `${c.channel}:${cipher.open(c.chatId)}` : undefined;
    if (key) byContact.set(key, [...(byContact.get(key) ?? []), a]);
  }
  const mine = records.map((r) => byContact.get(contactOf(r)) ?? []);
  // A citizen who was given a tracking number must find that very application.
  const found = records.filter((r, i) =>
    r.tracking ? mine[i]!.some((a) => a.trackingNumber === r.tracking) : mine[i]!.length > 0,
  ).length;
  const duplicated = mine.reduce((n, a) => n + Math.max(0, a.length - 1), 0);
  return [
    {
      counted: 'applications expected / found / duplicated',
      mustBe: 'found = expected, 0 duplicated',
      found: `${records.length} / ${found} / ${duplicated}`,
      ok: found === records.length && duplicated === 0,
    },
    await statusRow(new MongoEventLog(eventModel(conn), cipher), records, mine, changes, noticesTo),
    await filesRow(conn, records, mine, cipher),
  ];
}

async function statusRow(
  // Through the event log: an event's `after` is sealed at rest.
  events: MongoEventLog,
  records: CitizenRecord[],
  mine: StoredApp[][],
  changes: StatusChangeRecord[],
  noticesTo: (chatId: string) => string[],
): Promise<Row> {
  // Every change the officers made or meant to make, and every officer change the database holds.
  const wanted = new Map<
    string,
    { app?: StoredApp; chatId: string; tracking: string; to: ApplicationStatus; done: boolean }
  >();
  for (const c of changes)
    wanted.set(`${c.tracking}:${c.to}`, { chatId: c.chatId, tracking: c.tracking, to: c.to, done: c.done });
  records.forEach((r, i) => {
    for (const app of mine[i]!) {
      for (const h of app.statusHistory.filter((x) => x.by.kind === 'officer')) {
        const key = `${app.trackingNumber}:${h.to}`;
        wanted.set(key, {
          chatId: r.chatId,
          tracking: app.trackingNumber,
          to: h.to,
          done: true,
          ...wanted.get(key),
          app,
        });
      }
    }
  });
  const appOf = new Map(mine.flat().map((a) => [a.trackingNumber, a]));
  let ok = 0;
  const off: string[] = [];
  for (const w of wanted.values()) {
    const app = appOf.get(w.tracking);
    if (!w.done || !app) continue;
    const history = app.statusHistory.filter((h) => h.to === w.to).length;
    const audits = (await events.listForApplication(String(app._id))).filter(
      (e) => e.type === 'application.status_changed' && e.after?.status === w.to,
    ).length;
    const line = `Status: ${describeStatus(w.to, 'id')}.`;
    const notices = noticesTo(w.chatId).filter((t) => t.includes(w.tracking) && t.includes(line)).length;
    if (history === 1 && audits === 1 && notices === 1) ok++;
    else off.push(`${w.tracking} → ${w.to}: history ${history}, audits ${audits}, notices ${notices}`);
  }
  return {
    counted: 'status changes with exactly one audit event and one delivered notice',
    mustBe: `all (${wanted.size})`,
    // The ones that are off, named: which of the three went wrong is the first clue.
    found: off.length > 0 ? `${ok} (${off.slice(0, 3).join('; ')})` : String(ok),
    ok: ok === wanted.size && wanted.size > 0,
  };
}

/** The stored files by the SHA-256 of their plain bytes (sealed in the row) and their plain size. */
async function storedFiles(conn: DbConnection, cipher: FieldCipher): Promise<Map<string, number>> {
  type FileRow = { metadata?: { sha256?: string; size?: number } };
  const rows = (await conn.collection('documents.files').find({}).toArray()) as FileRow[];
  const out = new Map<string, number>();
  for (const r of rows)
    if (r.metadata?.sha256) out.set(cipher.open(r.metadata.sha256), r.metadata.size ?? -1);
  return out;
}

async function filesRow(
  conn: DbConnection,
  records: CitizenRecord[],
  mine: StoredApp[][],
  cipher: FieldCipher,
): Promise<Row> {
  const stored = await storedFiles(conn, cipher);
  let expected = 0;
  let present = 0;
  for (const [i, r] of records.entries()) {
    // A file counts once its turn was sent (turns 9, 10, 11 carry the uploads).
    const sentTurns = new Set(r.sent.map((s) => s.turn));
    const files = r.data.files.filter((_, k) => sentTurns.has(9 + k));
    for (const bytes of files) {
      expected++;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const doc = mine[i]!.flatMap((a) => a.documents).find((d) => cipher.open(d.sha256) === sha256);
      const size = stored.get(sha256);
      const kept = doc ? size === bytes.length : size !== undefined;
      if (kept && (doc || mine[i]!.length === 0)) present++;
    }
  }
  return { counted: 'files lost', mustBe: '0', found: String(expected - present), ok: expected === present };
}

/** The table in Markdown, one row per check. */
export function renderTable(rows: Row[]): string {
  const lines = ['| counted | must be | found |', '|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.counted} | ${r.mustBe} | ${r.found}${r.ok ? '' : ' ✗'} |`);
  return lines.join('\n');
}
