import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config/project-root.js';
import { stringify } from 'yaml';

/** The repository root, for copying the real catalog. */

/** A catalog in a temporary folder that a test can break one file at a time. */
export interface TempCatalog {
  root: string;
  /** Writes a file; objects are written as YAML, strings as they are. */
  write(rel: string, content: unknown): Promise<void>;
  append(rel: string, text: string): Promise<void>;
  read(rel: string): Promise<string>;
  remove(rel: string): Promise<void>;
  cleanup(): Promise<void>;
}

/** Creates an empty temporary catalog root and writes `files` into it. */
export async function tempCatalog(files: Record<string, unknown> = {}): Promise<TempCatalog> {
  const root = await mkdtemp(path.join(tmpdir(), 'loket-catalog-'));
  const abs = (rel: string): string => path.join(root, rel);
  const t: TempCatalog = {
    root,
    async write(rel, content) {
      await mkdir(path.dirname(abs(rel)), { recursive: true });
      await writeFile(abs(rel), typeof content === 'string' ? content : stringify(content));
    },
    async append(rel, text) {
      await writeFile(abs(rel), `${await readFile(abs(rel), 'utf8')}\n${text}`);
    },
    read: (rel) => readFile(abs(rel), 'utf8'),
    remove: (rel) => rm(abs(rel), { recursive: true, force: true }),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
  for (const [rel, content] of Object.entries(files)) await t.write(rel, content);
  return t;
}

/** Copies the real flows/, locales/, intents/ and agencies.yaml into a temporary catalog. */
export async function copyRealCatalog(): Promise<TempCatalog> {
  const t = await tempCatalog();
  for (const dir of ['flows', 'locales', 'intents', 'agencies.yaml']) {
    await cp(path.join(PROJECT_ROOT, dir), path.join(t.root, dir), { recursive: true });
  }
  return t;
}

/** A flow with every kind of thing the checker looks at, small enough to read in a test. */
export function demoFlow(): Record<string, unknown> {
  return {
    id: 'demo',
    source: 'test fixture',
    fee: { amount: 0 },
    sla_working_days: 3,
    steps: [
      { id: 'jenis', kind: 'choice', options: ['a', 'b'] },
      {
        id: 'nama',
        kind: 'text',
        rejections: [{ if: { shorter_than: 3 }, message: 'steps.rejections.pendek' }],
      },
      { id: 'nik', kind: 'nik' },
      { id: 'telepon', kind: 'phone' },
      { id: 'kelurahan', kind: 'kelurahan' },
      { id: 'catatan', kind: 'text', when: { jenis: ['b'] } },
      { id: 'berkas', kind: 'document' },
    ],
  };
}

function demoMessages(lang: 'id' | 'en'): { services: unknown; steps: unknown } {
  const t = (id: string, en: string): string => (lang === 'id' ? id : en);
  return {
    services: {
      demo: {
        name: t('Layanan Contoh', 'Sample service'),
        description: t('Untuk uji.', 'For tests.'),
        requirements: [t('KTP', 'ID card')],
        jenis: { ask: t('Pilih jenis.', 'Choose a kind.'), options: { a: 'A', b: 'B' } },
        catatan: { ask: t('Catatan?', 'Notes?') },
        berkas: { ask: t('Kirim berkas.', 'Send the file.'), help: t('Foto terang.', 'A bright photo.') },
      },
    },
    steps: {
      steps: {
        nama: { ask: t('Nama?', 'Name?') },
        nik: { ask: 'NIK?' },
        telepon: { ask: t('Telepon?', 'Phone?') },
        kelurahan: { ask: 'Kelurahan?' },
        rejections: { pendek: t('Terlalu pendek, {name}.', 'Too short, {name}.') },
      },
    },
  };
}

/** A complete, valid one-service catalog: every test breaks one thing in it. */
export function demoFiles(): Record<string, unknown> {
  const id = demoMessages('id');
  const en = demoMessages('en');
  return {
    'flows/demo.yaml': demoFlow(),
    'locales/id.services.yaml': id.services,
    'locales/en.services.yaml': en.services,
    'locales/id.steps.yaml': id.steps,
    'locales/en.steps.yaml': en.steps,
    // The engine's own messages are required by the CLI's check, as at start-up.
    'locales/id.engine.yaml': readFileSync(path.join(PROJECT_ROOT, 'locales/id.engine.yaml'), 'utf8'),
    'locales/en.engine.yaml': readFileSync(path.join(PROJECT_ROOT, 'locales/en.engine.yaml'), 'utf8'),
    'intents/services/demo.yaml': {
      keywords: ['contoh'],
      examples: ['mau bikin contoh', 'urus layanan contoh'],
    },
  };
}
