import { describe, expect, it } from '@jest/globals';
import { flowSchema } from '../../src/catalog/flow-schema.js';
import { unreachableSteps } from '../../src/catalog/reachability.js';

const flow = (steps: unknown[]) =>
  flowSchema.parse({ id: 'x', source: 's', fee: { amount: 0 }, sla_working_days: 1, steps });

describe('unreachableSteps', () => {
  it('should find none when every condition can hold', () => {
    const f = flow([
      { id: 'jenis', kind: 'choice', options: ['a', 'b'] },
      { id: 'menikah', kind: 'yes_no', when: { jenis: ['a'] } },
      { id: 'tanggal', kind: 'date', when: { menikah: [false] } },
      { id: 'lain', kind: 'text', when: { not: { jenis: ['a'] } } },
    ]);
    expect(unreachableSteps(f)).toEqual(new Set());
  });

  it('should find a step needing answers that exclude each other through an earlier condition', () => {
    const f = flow([
      { id: 'jenis', kind: 'choice', options: ['a', 'b'] },
      { id: 'menikah', kind: 'yes_no', when: { jenis: ['a'] } },
      { id: 'tanggal', kind: 'date', when: { jenis: ['b'], menikah: [true] } },
      { id: 'sesudah', kind: 'text', when: { tanggal: ['2020-01-01'] } },
    ]);
    expect(unreachableSteps(f)).toEqual(new Set(['tanggal', 'sesudah']));
  });

  it('should count a skipped optional step as a possible answer', () => {
    const f = flow([
      { id: 'kode', kind: 'text', optional: true },
      { id: 'tanpa_kode', kind: 'text', when: { not: { kode: ['x'] } } },
      { id: 'dengan_kode', kind: 'text', when: { kode: ['x'] } },
    ]);
    expect(unreachableSteps(f)).toEqual(new Set());
  });

  it('should find a step whose not: excludes every option', () => {
    const f = flow([
      { id: 'ya', kind: 'yes_no' },
      { id: 'never', kind: 'text', when: { not: { ya: [true, false] } } },
    ]);
    expect(unreachableSteps(f)).toEqual(new Set(['never']));
  });
});
