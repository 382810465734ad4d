import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEnvFileIfPresent } from '../../src/config/env-file.js';

describe('loadEnvFileIfPresent', () => {
  it('should read a .env file without overriding variables already set', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-env-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, 'LOKET_TEST_FROM_FILE=berkas\nLOKET_TEST_SET=berkas\n');
    process.env.LOKET_TEST_SET = 'lingkungan';
    try {
      expect(loadEnvFileIfPresent(file)).toBe(true);
      expect(process.env.LOKET_TEST_FROM_FILE).toBe('berkas');
      expect(process.env.LOKET_TEST_SET).toBe('lingkungan');
    } finally {
      delete process.env.LOKET_TEST_FROM_FILE;
      delete process.env.LOKET_TEST_SET;
    }
  });

  it('should do nothing without a file', () => {
    expect(loadEnvFileIfPresent(path.join(tmpdir(), 'tidak-ada-loket.env'))).toBe(false);
  });
});
