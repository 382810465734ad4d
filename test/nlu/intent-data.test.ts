import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { IntentDataError, loadIntentData } from '../../src/nlu/intent-data.js';
import { INTENTS, SERVICE_IDS } from '../../src/nlu/labels.js';

describe('loadIntentData', () => {
  describe('on the real intents/', () => {
    it('should load every intent with at least 25 examples and every service with keywords', async () => {
      const data = await loadIntentData('intents');
      for (const intent of INTENTS) expect(data.intents[intent].length).toBeGreaterThanOrEqual(25);
      expect(Object.keys(data.services).sort()).toEqual([...SERVICE_IDS].sort());
      for (const id of SERVICE_IDS) {
        expect(data.services[id]?.keywords.length).toBeGreaterThan(3);
        expect(data.services[id]?.examples.length).toBeGreaterThan(10);
      }
    });

    it('should have no phrase under two intents', async () => {
      const data = await loadIntentData('intents');
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const intent of INTENTS) {
        for (const text of data.intents[intent]) {
          const other = seen.get(text.toLowerCase());
          if (other && other !== intent) clashes.push(`${text}: ${other} and ${intent}`);
          seen.set(text.toLowerCase(), intent);
        }
      }
      expect(clashes).toEqual([]);
    });
  });

  describe('on broken data', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'loket-intents-'));
      await mkdir(path.join(dir, 'services'));
      for (const intent of INTENTS)
        await writeFile(path.join(dir, `${intent}.yaml`), 'examples:\n  - halo\n');
      await writeFile(path.join(dir, 'services', 'ktp.yaml'), 'keywords: [ktp]\nexamples: [bikin ktp]\n');
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('should load a minimal valid set', async () => {
      const data = await loadIntentData(dir);
      expect(data.services.ktp).toEqual({ keywords: ['ktp'], examples: ['bikin ktp'] });
    });

    it('should name a missing intent file', async () => {
      await rm(path.join(dir, 'thanks.yaml'));
      await expect(loadIntentData(dir)).rejects.toThrow(/thanks\.yaml: missing; write examples: for thanks/);
    });

    it('should name an unknown intent file', async () => {
      await writeFile(path.join(dir, 'greetings.yaml'), 'examples: [hai]\n');
      await expect(loadIntentData(dir)).rejects.toThrow(/greetings\.yaml: "greetings" is not an intent/);
    });

    it('should name the file and the field that is wrong', async () => {
      await writeFile(path.join(dir, 'services', 'kk.yaml'), 'keywords: [kk]\nexample: [bikin kk]\n');
      const err = await loadIntentData(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IntentDataError);
      expect((err as IntentDataError).file).toBe(path.join(dir, 'services', 'kk.yaml'));
      expect((err as Error).message).toMatch(/examples/);
    });

    it('should explain a phrase YAML did not read as text', async () => {
      await writeFile(path.join(dir, 'cancel.yaml'), 'examples:\n  - batal\n  - ?\n');
      await expect(loadIntentData(dir)).rejects.toThrow(
        /cancel\.yaml: examples\.1: expected a phrase; put it in quotes/,
      );
    });

    it('should report YAML that does not parse', async () => {
      await writeFile(path.join(dir, 'cancel.yaml'), 'examples: [batal\n');
      await expect(loadIntentData(dir)).rejects.toThrow(/cancel\.yaml: cannot read it as YAML/);
    });
  });
});
