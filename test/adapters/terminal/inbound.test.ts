import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { terminalMessage } from '../../../src/adapters/terminal/inbound.js';

describe('terminalMessage', () => {
  it('should take the slash commands as commands, in any case, and the rest as trimmed text', () => {
    expect(terminalMessage('budi', ' /Petugas ', undefined)).toMatchObject({
      channel: 'terminal',
      chatId: 'budi',
      content: { kind: 'command', command: 'officer' },
    });
    expect(terminalMessage('budi', '  mau bikin KTP ', undefined).content).toEqual({
      kind: 'text',
      text: 'mau bikin KTP',
    });
  });

  it('should send a file with the text as its caption, refused above the size limit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'loket-terminal-'));
    try {
      const file = path.join(dir, 'ktp.jpg');
      await writeFile(file, Buffer.alloc(10));
      const msg = terminalMessage('budi', 'ini KTP saya', file);
      if (msg.content.kind !== 'file') throw new Error('expected a file');
      expect(msg.content.file).toMatchObject({ filename: 'ktp.jpg', caption: 'ini KTP saya' });
      expect((await msg.content.file.fetch(10)).length).toBe(10);
      await expect(msg.content.file.fetch(9)).rejects.toMatchObject({ code: 'TOO_BIG' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
