import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { fileProblem } from '../../src/app/file-check.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));
const JPEG = fixture('foto-ktp.jpg');
const PNG = fixture('foto-kk.png');
const PDF = fixture('surat.pdf');

/** A one-page PDF whose catalog carries `extra` (an action, a name tree...). */
function pdfWith(extra: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${extra} >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** A PDF that hides its script in a compressed object stream. */
function pdfWithCompressed(body: string): Buffer {
  const packed = deflateSync(Buffer.from(body, 'latin1'));
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.5\n3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
    ),
    packed,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);
}

describe('fileProblem', () => {
  it('should pass whole images and a plain PDF', () => {
    expect(fileProblem(JPEG, 'image/jpeg')).toBeUndefined();
    expect(fileProblem(Buffer.concat([JPEG, Buffer.alloc(16)]), 'image/jpeg')).toBeUndefined();
    expect(fileProblem(PNG, 'image/png')).toBeUndefined();
    expect(fileProblem(PDF, 'application/pdf')).toBeUndefined();
    expect(fileProblem(pdfWith('/PageMode /UseOutlines'), 'application/pdf')).toBeUndefined();
  });

  it('should call a file cut off in transit damaged', () => {
    expect(fileProblem(JPEG.subarray(0, JPEG.length - 40), 'image/jpeg')).toBe('damaged');
    expect(fileProblem(PNG.subarray(0, PNG.length - 12), 'image/png')).toBe('damaged');
    expect(fileProblem(PDF.subarray(0, PDF.length - 30), 'application/pdf')).toBe('damaged');
  });

  it('should refuse a PDF that runs JavaScript, launches programs or carries files, however it is written', () => {
    for (const extra of [
      '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
      '/AA << /O << /S /Launch /F (cmd.exe) >> >>',
      '/Names << /EmbeddedFiles << /Names [(a.exe) 3 0 R] >> >>',
      '/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>',
    ]) {
      expect([extra, fileProblem(pdfWith(extra), 'application/pdf')]).toEqual([extra, 'active_content']);
    }
    expect(fileProblem(pdfWithCompressed('1 0 << /S /JavaScript /JS (x) >>'), 'application/pdf')).toBe(
      'active_content',
    );
    expect(fileProblem(pdfWithCompressed('1 0 << /Type /Font >>'), 'application/pdf')).toBeUndefined();
  });
});
