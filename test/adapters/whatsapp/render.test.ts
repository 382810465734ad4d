import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { renderReplies } from '../../../src/adapters/whatsapp/render.js';
import { splitText } from '../../../src/adapters/whatsapp/split-text.js';
import { createChatRateLimiter } from '../../../src/adapters/whatsapp/chat-rate-limit.js';

describe('renderReplies', () => {
  it('should number menu options in WhatsApp bold and keep the catalog formatting as it is', () => {
    expect(
      renderReplies([
        { kind: 'text', text: 'Halo! Saya *Loket*.' },
        {
          kind: 'menu',
          text: 'Pilih:',
          options: [
            { value: 'a', label: 'Satu' },
            { value: 'b', label: 'Dua' },
          ],
        },
        { kind: 'document_request', text: 'Kirim foto KK.', accept: ['image/jpeg'], maxBytes: 10 },
      ]),
    ).toEqual(['Halo! Saya *Loket*.', 'Pilih:\n\n*1.* Satu\n*2.* Dua', 'Kirim foto KK.']);
  });
});

describe('splitText', () => {
  it('should keep short text whole and split long text at lines, never over the limit', () => {
    expect(splitText('pendek', 10)).toEqual(['pendek']);
    expect(splitText('baris satu\nbaris dua\nbaris tiga', 20)).toEqual([
      'baris satu\nbaris dua',
      'baris tiga',
    ]);
  });

  it('should never cut an emoji and never lose a character (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ' ', '\n', '😀', 'é', 'kata'), { maxLength: 300 }),
        fc.integer({ min: 4, max: 40 }),
        (parts, limit) => {
          const text = parts.join('');
          const pieces = splitText(text, limit);
          for (const p of pieces) {
            expect(p.length).toBeLessThanOrEqual(limit);
            expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
          }
          const squash = (s: string) => s.replace(/\s+/g, '');
          expect(squash(pieces.join(''))).toBe(squash(text));
        },
      ),
    );
  });
});

describe('createChatRateLimiter', () => {
  it('should warn once, drop the rest, and allow again after the window; memory stays bounded', () => {
    let t = 0;
    const l = createChatRateLimiter({ limit: 2, windowMs: 1000, maxChats: 50, now: () => t });
    expect(['a', 'a', 'a', 'a'].map((c) => l.check(c))).toEqual(['ok', 'ok', 'warn', 'drop']);
    t = 1000;
    expect(l.check('a')).toBe('ok');
    for (let i = 0; i < 1000; i++) l.check(`chat-${i}`);
    expect(l.size).toBeLessThanOrEqual(50);
  });
});
