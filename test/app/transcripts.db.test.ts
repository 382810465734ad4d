import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { createLoket, type Loket } from '../../src/main.js';
import { loadTranscripts, play } from './transcript.js';

const transcripts = await loadTranscripts();
// A Monday morning in Jakarta (office open), so hours and due dates are stable.
const START = new Date('2026-11-23T02:00:00Z');

describe('conversation transcripts (test/app/transcripts/*.yaml)', () => {
  let loket: Loket;
  beforeAll(async () => {
    const db = `t_transcripts_${randomBytes(4).toString('hex')}`;
    loket = await createLoket(
      loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
  });
  afterAll(async () => {
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
  });

  it.each(transcripts.map((t) => [t.file, t.transcript] as const))('%s', async (file, transcript) => {
    await play(loket, file.replace(/\.yaml$/, ''), transcript, START);
  });
});
