import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';
import type { Logger } from '../config/logger.js';
import type { IntentData } from './intent-data.js';
import { createNlu, trainNluModel, type Nlu, type NluModel } from './nlu.js';

/**
 * The trained NLU kept on disk, so a restart does not train again (training is most of the
 * start-up's CPU; see docs/performance.md for the start-up target). A model is stored under a key made of
 * everything it was trained from: the intent examples, the NLU's own source files (features,
 * normalisation, slang, training) and natural's version. Any change gives a new key, so a stale
 * model is never used; a file that is missing, unreadable or not a model is trained again and
 * rewritten. Writes are atomic (a temporary file renamed), so processes starting together are safe.
 */

/** Bumped when the stored shape changes. */
const FORMAT = 1;
const NLU_SOURCE_DIR = path.dirname(fileURLToPath(import.meta.url));

// By tag rather than `instanceof`: v8.deserialize builds the arrays in the main realm, which is
// not the module's under jest's VM modules.
const floats = z.custom<Float64Array>(
  (v) => Object.prototype.toString.call(v) === '[object Float64Array]',
  'expected a Float64Array',
);
const classifierSchema = z.object({
  labels: z.array(z.string()).min(2),
  temperature: z.number().positive(),
  featurizer: z.object({
    vocabulary: z.array(z.string()),
    idf: floats,
    options: z.object({
      charMin: z.number().int(),
      charMax: z.number().int(),
      charWeight: z.number(),
      bigrams: z.boolean(),
    }),
  }),
  model: z.object({ classes: z.number().int().min(2), v: floats, bias: floats, scale: z.number() }),
});
const fileSchema = z.object({
  format: z.literal(FORMAT),
  key: z.string(),
  model: z.object({ intent: classifierSchema, service: classifierSchema.optional() }),
});

/** Where the model for `key` is stored. */
function fileOf(dir: string, key: string): string {
  return path.join(dir, `nlu-${key.slice(0, 32)}.bin`);
}

function naturalVersion(): string {
  try {
    const pkg = createRequire(import.meta.url)('natural/package.json') as { version?: string };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}

/** The key of a model trained from `intents` by this code. */
export async function modelKey(intents: IntentData): Promise<string> {
  const hash = createHash('sha256').update(`format ${FORMAT}\nnatural ${naturalVersion()}\n`);
  hash.update(JSON.stringify(intents));
  const sources = (await readdir(NLU_SOURCE_DIR)).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
  for (const f of sources) hash.update(`\n${f}\n`).update(await readFile(path.join(NLU_SOURCE_DIR, f)));
  return hash.digest('hex');
}

/** Reads the model stored for `key`; undefined when there is none or it is not a valid model. */
async function readModel(file: string, key: string, logger: Logger): Promise<NluModel | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  try {
    const parsed = fileSchema.safeParse(deserialize(bytes));
    if (parsed.success && parsed.data.key === key) return parsed.data.model;
    logger.warn({ file }, 'stored NLU model is not valid; training again');
  } catch (err) {
    logger.warn({ err, file }, 'stored NLU model cannot be read; training again');
  }
  return undefined;
}

/** What `loadNlu` reports besides the NLU. */
export interface LoadedNlu {
  nlu: Nlu;
  /** `stored`: read from the cache; `trained`: trained now (and stored when `dir` allowed it). */
  source: 'stored' | 'trained';
}

/**
 * The NLU of `intents`: the model stored in `dir` for exactly these intents and this code, or a
 * newly trained one (then stored there). Without `dir` it always trains. A cache that cannot be
 * written is logged and otherwise ignored: Loket starts either way.
 */
export async function loadNlu(
  intents: IntentData,
  opts: { dir?: string; logger: Logger; threshold?: number },
): Promise<LoadedNlu> {
  const { dir, logger, threshold } = opts;
  const settings = threshold === undefined ? {} : { threshold };
  if (!dir) return { nlu: createNlu({ intents, ...settings }), source: 'trained' };
  const key = await modelKey(intents);
  const file = fileOf(dir, key);
  const stored = await readModel(file, key, logger);
  if (stored) return { nlu: createNlu({ intents, model: stored, ...settings }), source: 'stored' };

  const model = trainNluModel(intents);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, serialize({ format: FORMAT, key, model }));
    await rename(tmp, file);
    // Models of earlier intents or code are never read again.
    for (const old of await readdir(dir))
      if (/^nlu-[0-9a-f]+\.bin$/.test(old) && path.join(dir, old) !== file)
        await rm(path.join(dir, old), { force: true });
  } catch (err) {
    logger.warn({ err, dir }, 'could not store the trained NLU model; the next start trains again');
    await rm(tmp, { force: true }).catch(() => undefined);
  }
  return { nlu: createNlu({ intents, model, ...settings }), source: 'trained' };
}
