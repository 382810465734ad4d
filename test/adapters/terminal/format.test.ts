import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { saveTerminalFile } from '../../../src/adapters/terminal/format.js';

describe('saveTerminalFile', () => {
  it('should save a file for a terminal citizen under the temporary folder, and say where', async () => {
    const bytes = Buffer.from('{"a": 1}\n', 'utf8');
    const said = await saveTerminalFile('budi/../x', {
      bytes,
      filename: '../data-saya-2026-12-07.json',
      contentType: 'application/json',
    });
    const target = path.join(tmpdir(), 'loket-chat', 'budi_x', 'data-saya-2026-12-07.json');
    expect(said).toBe(`data-saya-2026-12-07.json (9 byte): ${target}`);
    expect(await readFile(target, 'utf8')).toBe('{"a": 1}\n');
  });
});
