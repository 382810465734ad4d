/**
 * `npm run bench:nlu`: Loket's classifier against NLP.js in one run, printed as one table.
 * (a) xSID-id: train on id.valid, test on id.test (never tuned on); (b) stratified 5-fold
 * cross-validation on intents/; (c) the whole NLU (intents and services) trained on all of
 * intents/, as start-up does; (d) that NLU and NLP.js, trained on the same intents/, on the
 * held-out set test/nlu/heldout.tsv, then whether each target of the NLU is met. Timings are
 * wall-clock on this machine.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/project-root.js';
import { trainClassifier } from '../src/nlu/classifier.js';
import type { LabelledText } from '../src/nlu/classifier.js';
import { loadIntentData } from '../src/nlu/intent-data.js';
import { INTENTS } from '../src/nlu/labels.js';
import { createNlu } from '../src/nlu/nlu.js';
import { formatHeldout, markdownTable, readHeldout, scoreHeldout } from './nlu-heldout.js';
import type { HeldoutResult, HeldoutRow } from './nlu-heldout.js';
import { percentile, scores, stratifiedFolds } from './nlu-metrics.js';
import { trainNlpjs } from './nlu-nlpjs.js';
import { readXsid, xsidDir } from './nlu-xsid.js';

interface Row {
  benchmark: string;
  system: string;
  accuracy?: number;
  macroF1?: number;
  trainMs: number;
  p50: number;
  p99: number;
}

interface Predictor {
  predict(text: string): Promise<string> | string;
}

/** Trains on `train`, predicts `test`, collecting gold, predictions and per-message times. */
async function evaluate(
  train: readonly LabelledText[],
  test: readonly LabelledText[],
  build: (train: readonly LabelledText[]) => Promise<Predictor> | Predictor,
): Promise<{ gold: string[]; predicted: string[]; trainMs: number; times: number[] }> {
  const t0 = performance.now();
  const model = await build(train);
  const trainMs = performance.now() - t0;
  const gold: string[] = [];
  const predicted: string[] = [];
  const times: number[] = [];
  for (const item of test) {
    const s = performance.now();
    const label = await model.predict(item.text);
    times.push(performance.now() - s);
    gold.push(item.label);
    predicted.push(label);
  }
  return { gold, predicted, trainMs, times };
}

const loket = (train: readonly LabelledText[]): Predictor => {
  const c = trainClassifier(train);
  return { predict: (text) => c.classify(text)[0]?.label ?? '' };
};
const nlpjs =
  (threshold: number) =>
  async (train: readonly LabelledText[]): Promise<Predictor> => {
    const c = await trainNlpjs(train);
    return {
      async predict(text) {
        const r = await c.classify(text);
        return r.score >= threshold ? r.intent : 'None';
      },
    };
  };

const systems: Array<[string, (train: readonly LabelledText[]) => Promise<Predictor> | Predictor]> = [
  ['Loket', loket],
  ['NLP.js (top intent)', nlpjs(0)],
  ['NLP.js (None below 0.5)', nlpjs(0.5)],
];

async function xsidRows(): Promise<Row[]> {
  const dir = xsidDir();
  const train = await readXsid(path.join(dir, 'id.valid.conll'));
  const test = await readXsid(path.join(dir, 'id.test.conll'));
  const rows: Row[] = [];
  for (const [system, build] of systems) {
    const r = await evaluate(train, test, build);
    rows.push({
      benchmark: `xSID-id (${train.length} train / ${test.length} test)`,
      system,
      ...scores(r.gold, r.predicted),
      trainMs: r.trainMs,
      p50: percentile(r.times, 50),
      p99: percentile(r.times, 99),
    });
  }
  return rows;
}

async function crossValidationRows(examples: readonly LabelledText[], k = 5): Promise<Row[]> {
  const folds = stratifiedFolds(examples, k);
  const rows: Row[] = [];
  for (const [system, build] of systems) {
    const gold: string[] = [];
    const predicted: string[] = [];
    const times: number[] = [];
    let trainMs = 0;
    for (let i = 0; i < k; i += 1) {
      const r = await evaluate(folds.filter((_, j) => j !== i).flat(), folds[i] ?? [], build);
      gold.push(...r.gold);
      predicted.push(...r.predicted);
      times.push(...r.times);
      trainMs += r.trainMs / k;
    }
    rows.push({
      benchmark: `intents/ ${k}-fold CV (${examples.length} phrases)`,
      system,
      ...scores(gold, predicted),
      trainMs,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
    });
  }
  return rows;
}

function format(rows: readonly Row[]): string {
  const pct = (x?: number): string => (x === undefined ? '-' : (x * 100).toFixed(1));
  const ms = (x: number): string => x.toFixed(x < 10 ? 3 : 0);
  const table = [
    ['benchmark', 'system', 'accuracy %', 'macro-F1 %', 'train ms', 'classify p50 ms', 'classify p99 ms'],
    ...rows.map((r) => [
      r.benchmark,
      r.system,
      pct(r.accuracy),
      pct(r.macroF1),
      ms(r.trainMs),
      ms(r.p50),
      ms(r.p99),
    ]),
  ];
  return markdownTable(table);
}

/** NLP.js has no "none" intent of its own: its None reads as out_of_scope, as Loket's would. */
async function nlpjsHeldout(
  rows: readonly HeldoutRow[],
  examples: readonly LabelledText[],
  threshold: number,
): Promise<{ readings: Array<{ intent: string }>; trainMs: number }> {
  const t0 = performance.now();
  const c = await trainNlpjs(examples);
  const trainMs = performance.now() - t0;
  const readings: Array<{ intent: string }> = [];
  for (const row of rows) {
    const r = await c.classify(row.text);
    readings.push({ intent: r.score >= threshold && r.intent !== 'None' ? r.intent : 'out_of_scope' });
  }
  return { readings, trainMs };
}

async function heldoutResults(
  rows: readonly HeldoutRow[],
  examples: readonly LabelledText[],
  loket: { nlu: ReturnType<typeof createNlu>; trainMs: number },
): Promise<HeldoutResult[]> {
  const results: HeldoutResult[] = [
    {
      system: 'Loket (whole NLU)',
      scores: scoreHeldout(
        rows,
        rows.map((r) => loket.nlu.understand(r.text)),
      ),
      trainMs: loket.trainMs,
    },
  ];
  for (const [system, threshold] of [
    ['NLP.js (top intent)', 0],
    ['NLP.js (None below 0.5)', 0.5],
  ] as const) {
    const r = await nlpjsHeldout(rows, examples, threshold);
    results.push({ system, scores: scoreHeldout(rows, r.readings), trainMs: r.trainMs });
  }
  return results;
}

/** The targets, each with its measured value and whether it is met. */
function targets(rows: readonly Row[], heldout: readonly HeldoutResult[]): string {
  const xsid = rows.filter((r) => r.benchmark.startsWith('xSID'));
  const loketXsid = xsid.find((r) => r.system === 'Loket');
  const bestNlpjs = Math.max(...xsid.filter((r) => r.system !== 'Loket').map((r) => r.macroF1 ?? 0));
  const h = heldout[0]?.scores;
  const checks: Array<[string, number, number]> = [
    ['held-out intent accuracy >= 95 %', h?.intentAccuracy ?? 0, 0.95],
    ['held-out service accuracy >= 98 %', h?.serviceAccuracy ?? 0, 0.98],
    ['xSID-id accuracy >= 91 %', loketXsid?.accuracy ?? 0, 0.91],
    ["xSID-id macro-F1 >= NLP.js's best", loketXsid?.macroF1 ?? 0, bestNlpjs],
  ];
  return checks
    .map(
      ([name, value, min]) =>
        `${value >= min ? 'MET    ' : 'NOT MET'} ${name}: ${(value * 100).toFixed(1)} % (needs ${(min * 100).toFixed(1)} %)`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  const data = await loadIntentData(path.join(PROJECT_ROOT, 'intents'));
  const examples = INTENTS.flatMap((label) => data.intents[label].map((text) => ({ text, label })));

  const rows = [...(await xsidRows()), ...(await crossValidationRows(examples))];

  const t0 = performance.now();
  const nlu = createNlu({ intents: data });
  const trainMs = performance.now() - t0;
  const times = examples.map((e) => {
    const s = performance.now();
    nlu.understand(`${e.text} ya`);
    return performance.now() - s;
  });
  rows.push({
    benchmark: 'whole NLU on all of intents/ (intents + services + entities)',
    system: 'Loket',
    trainMs,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  });
  process.stdout.write(`${format(rows)}\n`);

  const heldoutRows = await readHeldout();
  const heldout = await heldoutResults(heldoutRows, examples, { nlu, trainMs });
  process.stdout.write(
    `\nHeld-out set test/nlu/heldout.tsv (${heldoutRows.length} messages, never trained on), every system trained on all of intents/:\n\n`,
  );
  process.stdout.write(`${formatHeldout(heldoutRows, heldout)}\n\nTargets:\n${targets(rows, heldout)}\n`);
}

await main();
