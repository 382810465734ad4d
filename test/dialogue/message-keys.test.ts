import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { flattenLocale } from '../../src/catalog/flatten-locale.js';
import { ENGINE_MESSAGE_KEYS } from '../../src/dialogue/message-keys.js';

const load = (lang: string): Record<string, unknown> => {
  const file = join(import.meta.dirname, '..', '..', 'locales', `${lang}.engine.yaml`);
  return flattenLocale(parse(readFileSync(file, 'utf8')), file).messages;
};

describe('ENGINE_MESSAGE_KEYS', () => {
  it('should list exactly the keys of both engine locale files', () => {
    const listed = [...ENGINE_MESSAGE_KEYS].sort();
    expect(Object.keys(load('id')).sort()).toEqual(listed);
    expect(Object.keys(load('en')).sort()).toEqual(listed);
  });

  it('should have no duplicates', () => {
    expect(new Set(ENGINE_MESSAGE_KEYS).size).toBe(ENGINE_MESSAGE_KEYS.length);
  });
});
