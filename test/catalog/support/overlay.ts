import { cp, readFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config/project-root.js';
import { tempCatalog, type TempCatalog } from './temp-catalog.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures');

/**
 * A CATALOG_DIR in a temporary folder: the README's example (a kabupaten's PBG texts) and, with
 * `tenth`, the tenth service (its flow, its phrases, its messages in a file of its own).
 */
export async function tempOverlay(opts: { tenth?: boolean } = {}): Promise<TempCatalog> {
  const t = await tempCatalog();
  await cp(path.join(FIXTURES, 'catalog-overlay'), t.root, { recursive: true });
  if (opts.tenth) {
    const tenth = path.join(FIXTURES, 'catalog-tenth');
    await cp(path.join(tenth, 'flows'), path.join(t.root, 'flows'), { recursive: true });
    await cp(path.join(tenth, 'intents'), path.join(t.root, 'intents'), { recursive: true });
    for (const lang of ['id', 'en']) {
      await cp(
        path.join(tenth, 'locales', `${lang}.services.yaml`),
        path.join(t.root, 'locales', `${lang}.skck_pengantar.yaml`),
      );
    }
  }
  return t;
}

/** A fingerprint of every shipped catalog file, to show an overlay never writes to them. */
export async function shippedFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['flows', 'locales', 'intents']) {
    const files = await readdir(path.join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true });
    const names = files
      .filter((f) => f.isFile())
      .map((f) => path.join(f.parentPath, f.name))
      .sort();
    for (const name of names) hash.update(name).update(await readFile(name));
  }
  return hash.digest('hex');
}
