/** F1 of each gold label (a label predicted but never gold counts against others' precision only). */
export function f1ByLabel(gold: readonly string[], predicted: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const label of new Set(gold)) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp += 1;
      else if (p === label) fp += 1;
      else if (g === label) fn += 1;
    });
    out.set(label, tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
  }
  return out;
}

/** Accuracy and macro-F1 over the gold labels (labels predicted but never gold count against precision only). */
export function scores(
  gold: readonly string[],
  predicted: readonly string[],
): { accuracy: number; macroF1: number } {
  let correct = 0;
  gold.forEach((g, i) => {
    if (predicted[i] === g) correct += 1;
  });
  const f1s = [...f1ByLabel(gold, predicted).values()];
  return {
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
  };
}

/** The q-th percentile (0..100) of timings, nearest rank. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** Stratified k folds with a fixed seed: fold i is the test set of round i. */
export function stratifiedFolds<T extends { label: string }>(
  items: readonly T[],
  k: number,
  seed = 7,
): T[][] {
  const folds: T[][] = Array.from({ length: k }, () => []);
  const byLabel = new Map<string, T[]>();
  for (const item of items) byLabel.set(item.label, [...(byLabel.get(item.label) ?? []), item]);
  let offset = 0;
  let s = seed >>> 0;
  const random = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  for (const label of [...byLabel.keys()].sort()) {
    const group = [...(byLabel.get(label) ?? [])];
    for (let i = group.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j] as T, group[i] as T];
    }
    group.forEach((item, i) => folds[(i + offset) % k]?.push(item));
    offset += group.length;
  }
  return folds;
}
