import { describe, expect, it } from '@jest/globals';
import { decodeChoice, encodeChoice } from '../../../src/adapters/telegram/callback-data.js';
import { renderReplies } from '../../../src/adapters/telegram/render.js';
import { splitText } from '../../../src/adapters/telegram/split-text.js';

describe('splitText', () => {
  it('should keep a short text whole', () => {
    expect(splitText('Halo\nDunia', 20)).toEqual(['Halo\nDunia']);
  });

  it('should split at line boundaries and measure the escaped length', () => {
    // "a&b" escapes to 7 characters: two lines do not fit 12 once escaped.
    expect(splitText('a&b\na&b\nccc', 12)).toEqual(['a&b', 'a&b\nccc']);
  });

  it('should split a long line at spaces, then a huge word between code points', () => {
    expect(splitText('satu dua tiga', 8)).toEqual(['satu dua', 'tiga']);
    const pieces = splitText('😀'.repeat(10), 4);
    expect(pieces.join('')).toBe('😀'.repeat(10));
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(4);
  });
});

describe('callback data', () => {
  it('should round-trip a value and refuse one over 64 bytes', () => {
    expect(decodeChoice(encodeChoice('svc:ktp'))).toBe('svc:ktp');
    expect(encodeChoice('x'.repeat(62))).toBe(`c:${'x'.repeat(62)}`);
    expect(encodeChoice('x'.repeat(63))).toBeUndefined();
    expect(decodeChoice(`c:${'x'.repeat(63)}`)).toBeUndefined();
  });
});

describe('renderReplies', () => {
  it('should offer an option whose value is too long by number only', () => {
    const [m] = renderReplies([
      {
        kind: 'menu',
        text: 'Pilih',
        options: [
          { value: 'y'.repeat(70), label: 'Panjang' },
          { value: 'b', label: 'B' },
        ],
      },
    ]);
    expect(m!.text).toBe('Pilih\n1. Panjang\n2. B');
    expect(m!.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'B', callback_data: 'c:b' }]] });
  });

  it('should escape HTML and turn *bold* into <b> without touching a masked NIK', () => {
    const [m] = renderReplies([
      { kind: 'text', text: 'Layanan ini *GRATIS*. Alamat: Jl. A & B <No. 3>\nNIK: ************0006' },
    ]);
    expect(m!.text).toBe(
      'Layanan ini <b>GRATIS</b>. Alamat: Jl. A &amp; B &lt;No. 3&gt;\nNIK: ************0006',
    );
    const [officer] = renderReplies([{ kind: 'text', text: '👤 *Budi Santoso*: 2 * 3 = 6' }]);
    expect(officer!.text).toBe('👤 <b>Budi Santoso</b>: 2 * 3 = 6');
  });

  it('should render a document request as its text', () => {
    expect(
      renderReplies([
        { kind: 'document_request', text: 'Kirim foto KTP', accept: ['image/jpeg'], maxBytes: 10 },
      ]),
    ).toEqual([{ text: 'Kirim foto KTP' }]);
  });
});
