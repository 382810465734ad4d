import { describe, expect, it } from '@jest/globals';
import { flowSchema } from '../../src/catalog/flow-schema.js';
import { askKey, messageKeys } from '../../src/catalog/message-keys.js';

const flow = flowSchema.parse({
  id: 'ktp',
  source: 's',
  fee: { amount: 0 },
  sla_working_days: 14,
  in_person: true,
  steps: [
    { id: 'jenis', kind: 'choice', options: ['baru', 'hilang'] },
    { id: 'nik', kind: 'nik' },
    { id: 'foto', kind: 'document', rejections: [] },
    { id: 'no_kk', kind: 'text', rejections: [{ if: { shorter_than: 16 }, message: 'steps.rejections.x' }] },
  ],
});

describe('messageKeys', () => {
  it('should derive every key from the flow and step ids', () => {
    const { required, known } = messageKeys(flow);
    expect(required.map((n) => n.keys.join('|'))).toEqual([
      'ktp.name',
      'ktp.description',
      'ktp.requirements',
      'ktp.in_person',
      'ktp.jenis.ask|steps.jenis.ask',
      'ktp.jenis.options.baru',
      'ktp.jenis.options.hilang',
      'ktp.nik.ask|steps.nik.ask',
      'ktp.foto.ask|steps.foto.ask',
      'ktp.foto.help|steps.foto.help',
      'ktp.no_kk.ask|steps.no_kk.ask',
      'steps.rejections.x',
    ]);
    expect(required.find((n) => n.keys[0] === 'ktp.requirements')?.shape).toBe('list');
    expect(known.has('ktp.fee_note')).toBe(true);
    expect(known.has('ktp.nik.help')).toBe(true);
  });
});

describe('askKey', () => {
  it('should prefer the service key and fall back to the shared one', () => {
    expect(askKey({ 'ktp.nik.ask': 'a', 'steps.nik.ask': 'b' }, 'ktp', 'nik')).toBe('ktp.nik.ask');
    expect(askKey({ 'steps.nik.ask': 'b' }, 'ktp', 'nik')).toBe('steps.nik.ask');
    expect(askKey({}, 'ktp', 'nik')).toBeUndefined();
  });
});
