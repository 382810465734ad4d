import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/config/logger.js';
import { loadIntentData, type IntentData } from '../../src/nlu/intent-data.js';
import { loadNlu, modelKey } from '../../src/nlu/nlu-cache.js';
import { createNlu, type Nlu } from '../../src/nlu/nlu.js';

/** A logger whose lines the test reads. */
function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: () => string[] } {
  const out: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      out.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('warn', sink), lines: () => out };
}

/** Every example of intents/ and a few unseen messages, understood. */
function understandings(nlu: Nlu, data: IntentData): unknown[] {
  const texts = [
    ...Object.values(data.intents).flat(),
    ...Object.values(data.services).flatMap((s) => s.examples),
    'gmn cara bikin ktp',
    'sy mw urus akte',
    'petugas minta uang 100rb',
    'qwertyuiop',
    '',
  ];
  return texts.map((t) => nlu.understand(t));
}

describe('loadNlu (the trained model kept on disk)', () => {
  let data: IntentData;
  let trained: Nlu;
  const dirs: string[] = [];
  const newDir = async (): Promise<string> => {
    const d = await mkdtemp(path.join(tmpdir(), 'loket-nlu-cache-'));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    data = await loadIntentData('intents');
    trained = createNlu({ intents: data });
  });
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('should train and store once, then understand exactly as the trained model does', async () => {
    const dir = await newDir();
    const { logger, lines } = capturingLogger();
    const first = await loadNlu(data, { dir, logger });
    expect(first.source).toBe('trained');
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^nlu-[0-9a-f]{32}\.bin$/)]);

    const second = await loadNlu(data, { dir, logger, threshold: 0.7 });
    expect(second.source).toBe('stored');
    expect(second.nlu.threshold).toBe(0.7);
    // Bit for bit: the same intents, services and confidences for every message.
    expect(understandings(second.nlu, data)).toEqual(understandings(trained, data));
    expect(lines()).toEqual([]);
  });

  it('should train again when the intents changed, and drop the older model', async () => {
    const dir = await newDir();
    const logger = createLogger('silent');
    await loadNlu(data, { dir, logger });
    const [before] = await readdir(dir);

    const changed: IntentData = {
      ...data,
      intents: { ...data.intents, thanks: [...data.intents.thanks, 'matur nuwun sanget'] },
    };
    expect(await modelKey(changed)).not.toBe(await modelKey(data));
    const again = await loadNlu(changed, { dir, logger });
    expect(again.source).toBe('trained');
    const after = await readdir(dir);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(again.nlu.understand('matur nuwun sanget').intent).toBe('thanks');
  });

  it('should train again over a damaged file, say so, and store a good one', async () => {
    const dir = await newDir();
    const { logger, lines } = capturingLogger();
    await loadNlu(data, { dir, logger });
    const [file] = await readdir(dir);
    await writeFile(path.join(dir, file!), Buffer.from('not a model at all'));

    const repaired = await loadNlu(data, { dir, logger });
    expect(repaired.source).toBe('trained');
    expect(lines().join('')).toMatch(/stored NLU model (is not valid|cannot be read); training again/);
    expect((await loadNlu(data, { dir, logger })).source).toBe('stored');
  });

  it('should start without storing when the directory cannot be written', async () => {
    const dir = await newDir();
    const blocked = path.join(dir, 'a-file');
    await writeFile(blocked, 'in the way');
    const { logger, lines } = capturingLogger();
    const loaded = await loadNlu(data, { dir: path.join(blocked, 'nlu'), logger });
    expect(loaded.source).toBe('trained');
    expect(loaded.nlu.understand('gmn cara bikin ktp').service).toBe('ktp');
    expect(lines().join('')).toMatch(/could not store the trained NLU model/);
    expect(await readdir(dir)).toEqual(['a-file']);
  });

  it('should always train without a directory', async () => {
    const { logger } = capturingLogger();
    expect((await loadNlu(data, { logger })).source).toBe('trained');
  });
});
