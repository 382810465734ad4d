/**
 * `npm run --silent nlu -- classify [--intents <dir>]`: the benchmarks' contract. Reads one
 * utterance per line on stdin and writes one JSON object per line on stdout:
 * {"text": ..., "intent": ..., "service": <id or null>, "confidence": <0..1>}.
 * Nothing else goes to stdout; problems go to stderr with a non-zero exit.
 *
 * `npm run nlu -- store [--intents <dir>]`: trains the model and stores it where `npm start`
 * reads it (DATA_DIR/nlu-cache), as the Docker image does at build time; with CATALOG_DIR set,
 * the overlay's service phrases are layered in, as `npm start` layers them.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadIntentData } from './intent-data.js';
import { configSchema } from '../config/config.js';
import { parseCommandLine, runTool, UsageError } from '../config/command-line.js';
import { createLogger } from '../config/logger.js';
import { PROJECT_ROOT } from '../config/project-root.js';
import { createNlu } from './nlu.js';
import { loadNlu } from './nlu-cache.js';

const TOOL = {
  name: 'nlu',
  usage: [
    'Pemakaian / usage: npm run nlu -- classify [--intents DIR]  (kalimat di stdin, satu per baris / utterances on stdin, one per line)',
    '                   npm run nlu -- store [--intents DIR]     (latih dan simpan model di DATA_DIR/nlu-cache / train and keep the model)',
  ].join('\n'),
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args: argv,
    options: { intents: { type: 'string' } },
    allowPositionals: true,
  });
  const [command, ...extra] = positionals;
  if (command !== 'classify' && command !== 'store')
    throw new UsageError(
      `perintah classify atau store / command must be classify or store: ${command ?? '(none)'}`,
    );
  if (extra.length > 0) throw new UsageError(`argumen berlebih / unexpected arguments: ${extra.join(' ')}`);
  const dir = values.intents ? path.resolve(values.intents) : path.join(PROJECT_ROOT, 'intents');
  if (command === 'store') {
    // Only DATA_DIR: the whole configuration would ask for production secrets at image build time.
    const cache = path.resolve(configSchema.shape.DATA_DIR.parse(process.env.DATA_DIR), 'nlu-cache');
    const overlay = process.env.CATALOG_DIR ? path.resolve(process.env.CATALOG_DIR, 'intents') : undefined;
    const t = Date.now();
    const { source } = await loadNlu(await loadIntentData(dir, overlay), {
      dir: cache,
      logger: createLogger('warn'),
    });
    process.stderr.write(
      `nlu: model ${source === 'stored' ? 'already stored' : 'trained and stored'} in ${cache} (${Date.now() - t} ms)\n`,
    );
    return 0;
  }
  const nlu = createNlu({ intents: await loadIntentData(dir) });
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const text = line.trim();
    const u = nlu.understand(text);
    process.stdout.write(
      `${JSON.stringify({ text, intent: u.intent, service: u.service, confidence: u.confidence })}\n`,
    );
  }
  return 0;
}

await runTool(TOOL, main);
