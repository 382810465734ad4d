import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { INTENTS, isIntent } from './labels.js';
import type { Intent } from './labels.js';

/**
 * The training data in `intents/`: `<intent>.yaml` with `examples:` for each intent, and
 * `services/<service>.yaml` with `keywords:` and `examples:` for each service.
 */
export interface IntentData {
  intents: Record<Intent, string[]>;
  services: Record<string, { keywords: string[]; examples: string[] }>;
}

const phrase = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string({ error: 'expected a phrase; put it in quotes if it starts with ?, :, - or {' })
    .trim()
    .min(1, 'an empty phrase'),
);
const phrases = z.array(phrase).min(1, 'needs at least one phrase');
const intentFileSchema = z.object({ examples: phrases }).strict();
const serviceFileSchema = z.object({ keywords: phrases, examples: phrases }).strict();

/** A file in intents/ that cannot be used; the message names the file, the place and the fix. */
export class IntentDataError extends Error {
  override readonly name = 'IntentDataError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

async function readYamlFile<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let data: unknown;
  try {
    data = parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new IntentDataError(
      file,
      `cannot read it as YAML (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
      .join('; ');
    throw new IntentDataError(file, issues);
  }
  return parsed.data;
}

async function yamlNames(dir: string, optional = false): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    if (optional && (err as { code?: unknown }).code === 'ENOENT') return [];
    throw err;
  });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

/**
 * Reads and validates `intents/`. Every fixed intent must have its file and no other intent
 * file may exist (a typo in a file name would otherwise silently drop an intent). `overlay` is
 * a deployment's `CATALOG_DIR/intents`: its `services/<id>.yaml` replace or add services' phrases.
 */
export async function loadIntentData(dir = 'intents', overlay?: string): Promise<IntentData> {
  const intents: Partial<Record<Intent, string[]>> = {};
  for (const name of await yamlNames(dir)) {
    const label = name.replace(/\.ya?ml$/, '');
    const file = path.join(dir, name);
    if (!isIntent(label)) {
      throw new IntentDataError(file, `"${label}" is not an intent; the intents are ${INTENTS.join(', ')}`);
    }
    intents[label] = (await readYamlFile(file, intentFileSchema)).examples;
  }
  const missing = INTENTS.filter((i) => !intents[i]);
  if (missing.length > 0) {
    throw new IntentDataError(
      path.join(dir, `${missing[0]}.yaml`),
      `missing; write examples: for ${missing.join(', ')}`,
    );
  }
  const services: IntentData['services'] = {};
  const servicesDir = path.join(dir, 'services');
  await readServices(servicesDir, services, false);
  if (overlay) await readServices(path.join(overlay, 'services'), services, true);
  if (Object.keys(services).length === 0) {
    throw new IntentDataError(
      servicesDir,
      'no service files; write services/<service>.yaml with keywords: and examples:',
    );
  }
  return { intents: intents as Record<Intent, string[]>, services };
}

/** Reads `<dir>/<service>.yaml` into `services`, a later folder's file replacing an earlier one's. */
async function readServices(
  servicesDir: string,
  services: IntentData['services'],
  optional: boolean,
): Promise<void> {
  for (const name of await yamlNames(servicesDir, optional)) {
    const id = name.replace(/\.ya?ml$/, '');
    const file = path.join(servicesDir, name);
    if (!/^[a-z][a-z0-9_]*$/.test(id)) {
      throw new IntentDataError(
        file,
        'a service file is named by its flow id: lower-case letters, digits and _',
      );
    }
    services[id] = await readYamlFile(file, serviceFileSchema);
  }
}
