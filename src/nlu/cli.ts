/**
 * `npm run --silent nlu -- classify [--intents <dir>]`: the benchmarks' contract. Reads one
 * utterance per line on stdin and writes one JSON object per line on stdout:
 * {"text": ..., "intent": ..., "service": <id or null>, "confidence": <0..1>}.
 * Nothing else goes to stdout; problems go to stderr with a non-zero exit.
 *
 * `npm run nlu -- store [--intents <dir>]`: trains the model and stores it where `npm start`
 * reads it (DATA_DIR/nlu-cache), as the Docker image does at build time.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadIntentData } from './intent-data.js';
import { configSchema } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { PROJECT_ROOT } from '../config/project-root.js';
import { createNlu } from './nlu.js';
import { loadNlu } from './nlu-cache.js';

const USAGE =
  'usage: nlu classify [--intents <dir>]  (utterances on stdin, one per line)\n       nlu store [--intents <dir>]     (train and keep the model under DATA_DIR/nlu-cache)';

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'classify' && command !== 'store') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const at = rest.indexOf('--intents');
  const dir = at >= 0 && rest[at + 1] ? path.resolve(rest[at + 1] ?? '') : path.join(PROJECT_ROOT, 'intents');
  if (command === 'store') {
    // Only DATA_DIR: the whole configuration would ask for production secrets at image build time.
    const cache = path.resolve(configSchema.shape.DATA_DIR.parse(process.env.DATA_DIR), 'nlu-cache');
    const t = Date.now();
    const { source } = await loadNlu(await loadIntentData(dir), { dir: cache, logger: createLogger('warn') });
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`nlu: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
