import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadIntentData } from '../../src/nlu/intent-data.js';
import { createNlu } from '../../src/nlu/nlu.js';
import type { Nlu } from '../../src/nlu/nlu.js';

/**
 * Messages the classifier once got wrong, some harmfully: a death report read as a complaint
 * (which goes to supervisors as possible pungli), a move or a typo note read as cancel.
 */
const NAMED: Array<[string, string, string | null]> = [
  ['what are the requirements for an id card', 'ask_requirements', 'ktp'],
  ['i want to apply for a birth certificate', 'apply', 'akta_kelahiran'],
  ['what services do you offer', 'list_services', null],
  ['mau lapor kematian', 'apply', 'akta_kematian'],
  ['pengajuan pindah keluar daerah', 'apply', 'pindah'],
  // A typo note is no request: out_of_scope is not an interrupting intent, so inside a step
  // the step is asked again, and outside one the menu comes with the out-of-scope answer.
  ['eh salah ketik', 'out_of_scope', null],
  ['bisa pesan gojek?', 'out_of_scope', null],
];

describe('the named misreadings', () => {
  let nlu: Nlu;
  beforeAll(async () => {
    nlu = createNlu({ intents: await loadIntentData('intents') });
  });

  it.each(NAMED)('should read "%s" as %s (%s)', (text, intent, service) => {
    const u = nlu.understand(text);
    expect(u.intent).toBe(intent);
    expect(u.service).toBe(service);
  });

  it('should never read a death report as a complaint, nor a typo note or a move as cancel', () => {
    expect(nlu.understand('mau lapor kematian').candidates[0]?.intent).not.toBe('complaint');
    for (const text of ['eh salah ketik', 'pengajuan pindah keluar daerah']) {
      expect(nlu.understand(text).intent).not.toBe('cancel');
    }
  });

  it('should read code-switched messages', () => {
    expect(nlu.understand('mau apply KTP')).toMatchObject({ intent: 'apply', service: 'ktp' });
    expect(nlu.understand('how to bikin kk')).toMatchObject({ intent: 'ask_requirements', service: 'kk' });
  });
});
