import { describe, expect, it } from '@jest/globals';
import { fill, lines, text } from '../../src/dialogue/render.js';
import { fixtureCatalog } from './fixture.js';

describe('fill', () => {
  it('should fill placeholders once and leave unknown ones visible', () => {
    expect(fill('Halo {name}, {x}', { name: '{x}' })).toBe('Halo {x}, {x}');
  });
});

describe('text', () => {
  const catalog = fixtureCatalog();
  it('should use the first key that exists, falling back to Bahasa Indonesia', () => {
    expect(text(catalog, 'en', ['ktp.nama.ask', 'steps.nama.ask'])).toBe(
      'What is your full name (as on your KTP)?',
    );
    const partial = { ...catalog, messages: { id: { only: 'Hanya id' }, en: {} } };
    expect(text(partial, 'en', 'only')).toBe('Hanya id');
  });

  it('should render a missing key as the key instead of failing', () => {
    expect(text(catalog, 'id', 'no.such.key')).toBe('no.such.key');
  });

  it('should give list messages as lines', () => {
    expect(lines(catalog, 'id', 'ktp.requirements')).toEqual([
      'Berumur 17 tahun atau sudah menikah',
      'Kartu Keluarga',
    ]);
  });
});
