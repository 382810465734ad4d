import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadIntentData } from '../../src/nlu/intent-data.js';
import type { IntentData } from '../../src/nlu/intent-data.js';
import { createNlu } from '../../src/nlu/nlu.js';
import type { Nlu } from '../../src/nlu/nlu.js';

/** Phrases written here, not in intents/: what the classifier must get right on unseen text. */
const HELD_OUT: Array<[string, string[], string | null]> = [
  ['gmn cara bikin ktp', ['ask_requirements', 'apply'], 'ktp'],
  ['petugas minta uang 100rb', ['complaint'], null],
  ['td di kelurahan sy dimintain duit 150rb sm petugasnya', ['complaint'], null],
  ['ada calo nawarin bikin ktp cepet', ['complaint'], 'ktp'],
  ['brp lama jadinya akte lahir', ['ask_duration'], 'akta_kelahiran'],
  ['biaya bikin surat pindah brp ya', ['ask_cost'], 'pindah'],
  ['sy mau daftar bikin sktm skrg', ['apply'], 'sktm'],
  ['cek status ptsp 2611 abcd7 dong', ['check_status'], null],
  ['kantor kelurahan buka jam brp ya kak', ['office_info'], null],
  ['mau ngomong sm petugas aja', ['talk_to_officer'], null],
  ['gajadi deh batalin aja', ['cancel'], null],
  ['makasih banyak kak', ['thanks'], null],
  ['halo selamat siang', ['greeting'], null],
  ['skor bola tadi malam brp', ['out_of_scope'], null],
  ['layanannya apa aja min', ['list_services'], null],
  ['syarat imb apa aja', ['ask_requirements'], 'pbg'],
  ['bapak sy meninggal mau urus suratnya', ['apply', 'ask_requirements'], 'akta_kematian'],
];

describe('createNlu', () => {
  let data: IntentData;
  let nlu: Nlu;
  beforeAll(async () => {
    data = await loadIntentData('intents');
    nlu = createNlu({ intents: data });
  });

  it.each(HELD_OUT)('should understand %s', (text, intents, service) => {
    const u = nlu.understand(text);
    expect(intents).toContain(u.intent);
    expect(u.service).toBe(service);
  });

  it('should give calibrated candidates: confidences in [0,1], best first, top 3', () => {
    const u = nlu.understand('ktp sy ilang');
    expect(u.candidates).toHaveLength(3);
    expect(u.candidates[0]).toEqual({ intent: u.intent, service: 'ktp', confidence: u.confidence });
    const confidences = u.candidates.map((c) => c.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    for (const c of confidences) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
    expect(confidences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('should tell the language of each message', () => {
    expect(nlu.understand('what are the requirements for an id card').language).toBe('en');
    expect(nlu.understand('syarat bikin ktp apa aja').language).toBe('id');
    expect(nlu.understand('2').language).toBe('neutral');
  });

  it('should offer the family card when a lone "kk" may have meant it', () => {
    const u = nlu.understand('kk mau tanya syaratnya apa aja');
    expect(u.intent).toBe('ask_requirements');
    expect(u.service).toBeNull();
    expect(u.candidates[1]).toEqual({ intent: 'ask_requirements', service: 'kk', confidence: u.confidence });
  });

  it('should extract entities', () => {
    expect(nlu.understand('status PTSP2611ABCD7 gmn').entities).toEqual({
      trackingNumber: 'PTSP-2611-ABCD7',
    });
    expect(nlu.understand('nik sy 3171 0101 0190 0001 lahir 17 agt 1990').entities).toEqual({
      nik: '3171010101900001',
      date: '1990-08-17',
    });
  });

  it('should carry the threshold for the clarifying menu', () => {
    expect(nlu.threshold).toBe(0.5);
    expect(createNlu({ intents: data, threshold: 0.7 }).threshold).toBe(0.7);
  });

  it('should be deterministic', () => {
    const again = createNlu({ intents: data });
    for (const [text] of HELD_OUT) expect(again.understand(text)).toEqual(nlu.understand(text));
  });
});
