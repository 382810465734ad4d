import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/project-root.js';
import { f1ByLabel, scores } from './nlu-metrics.js';

/**
 * test/nlu/heldout.tsv: Loket's own held-out set, chat messages written for testing and never
 * trained on (test/nlu/heldout.test.ts asserts that none of them is in intents/).
 */

/** Where the held-out set lives. */
export const HELDOUT_FILE = path.join(PROJECT_ROOT, 'test', 'nlu', 'heldout.tsv');

/** The kinds of writing the set must cover, as its `tag` column names them. */
export const HELDOUT_TAGS = [
  'plain',
  'typo',
  'slang',
  'betawi',
  'jawa',
  'sunda',
  'codeswitch',
  'english',
  'voice',
] as const;

/** One held-out message: its text, the intent and service it means, its language and kind. */
export interface HeldoutRow {
  text: string;
  intent: string;
  /** Empty when the message names no service. */
  service: string;
  lang: string;
  tag: string;
}

/** Reads the TSV (a header line, then text, intent, service, lang, tag); throws on a malformed line. */
export async function readHeldout(file = HELDOUT_FILE): Promise<HeldoutRow[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    const [text, intent, service, lang, tag] = cells;
    if (cells.length !== 5 || !text || !intent || service === undefined || !lang || !tag) {
      throw new Error(`${file}:${i + 2}: expected 5 tab-separated columns, got "${line}"`);
    }
    return { text, intent, service, lang, tag };
  });
}

/** What a system read in each held-out message; `service` undefined when it reads no services. */
export interface Reading {
  intent: string;
  service?: string | null;
}

/** The held-out scores of one system. */
export interface HeldoutScores {
  intentAccuracy: number;
  /** Undefined for a system that reads no services. */
  serviceAccuracy?: number;
  macroF1: number;
  f1: Map<string, number>;
  /** In-scope messages read as out_of_scope, over all in-scope messages. */
  falseOutOfScope: number;
  /** Out-of-scope messages read as some intent, over all out-of-scope messages. */
  missedOutOfScope: number;
}

/** Scores readings against the gold rows, position by position. */
export function scoreHeldout(rows: readonly HeldoutRow[], readings: readonly Reading[]): HeldoutScores {
  const gold = rows.map((r) => r.intent);
  const predicted = readings.map((r) => r.intent);
  const { accuracy, macroF1 } = scores(gold, predicted);
  const rate = (pick: (r: HeldoutRow) => boolean, wrong: (p: string) => boolean): number => {
    const idx = rows.flatMap((r, i) => (pick(r) ? [i] : []));
    return idx.length ? idx.filter((i) => wrong(predicted[i] ?? '')).length / idx.length : 0;
  };
  const readsServices = readings.every((r) => r.service !== undefined);
  return {
    intentAccuracy: accuracy,
    ...(readsServices
      ? {
          serviceAccuracy:
            rows.filter((r, i) => (readings[i]?.service ?? '') === r.service).length / (rows.length || 1),
        }
      : {}),
    macroF1,
    f1: f1ByLabel(gold, predicted),
    falseOutOfScope: rate(
      (r) => r.intent !== 'out_of_scope',
      (p) => p === 'out_of_scope',
    ),
    missedOutOfScope: rate(
      (r) => r.intent === 'out_of_scope',
      (p) => p !== 'out_of_scope',
    ),
  };
}

/** One system's held-out scores with its training time. */
export interface HeldoutResult {
  system: string;
  scores: HeldoutScores;
  trainMs: number;
}

/** A Markdown table, columns padded to their widest cell. */
export function markdownTable(table: readonly (readonly string[])[]): string {
  const widths = (table[0] ?? []).map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]): string =>
    `| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  return [
    line(table[0] ?? []),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...table.slice(1).map(line),
  ].join('\n');
}

const pct = (x?: number): string => (x === undefined ? '-' : (x * 100).toFixed(1));

/** The held-out summary (one row per system) and the per-intent F1 table (one column per system). */
export function formatHeldout(rows: readonly HeldoutRow[], results: readonly HeldoutResult[]): string {
  const summary = [
    [
      'system',
      'intent accuracy %',
      'service accuracy %',
      'macro-F1 %',
      'false out-of-scope %',
      'missed out-of-scope %',
      'train ms',
    ],
    ...results.map((r) => [
      r.system,
      pct(r.scores.intentAccuracy),
      pct(r.scores.serviceAccuracy),
      pct(r.scores.macroF1),
      pct(r.scores.falseOutOfScope),
      pct(r.scores.missedOutOfScope),
      r.trainMs.toFixed(0),
    ]),
  ];
  const intents = [...new Set(rows.map((r) => r.intent))].sort();
  const perIntent = [
    ['intent (F1 %)', 'n', ...results.map((r) => r.system)],
    ...intents.map((i) => [
      i,
      String(rows.filter((r) => r.intent === i).length),
      ...results.map((r) => pct(r.scores.f1.get(i))),
    ]),
  ];
  return `${markdownTable(summary)}\n\n${markdownTable(perIntent)}`;
}
