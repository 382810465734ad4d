import { useLoket } from '../support/loket.js';
import { describe, it } from '@jest/globals';
import { loadTranscripts, play } from './transcript.js';

const transcripts = await loadTranscripts();
// A Monday morning in Jakarta (office open), so hours and due dates are stable.
const START = new Date('2026-11-23T02:00:00Z');

describe('conversation transcripts (test/app/transcripts/*.yaml)', () => {
  const loket = useLoket('transcripts');

  it.each(transcripts.map((t) => [t.file, t.transcript] as const))('%s', async (file, transcript) => {
    await play(loket(), file.replace(/\.yaml$/, ''), transcript, START);
  });
});
