import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/project-root.js';
import type { LabelledText } from '../src/nlu/classifier.js';

/** Where xSID-id lives: `XSID_DIR`, else the copy vendored in bench/data/xsid-id (see its README). */
export function xsidDir(): string {
  return process.env.XSID_DIR ?? path.join(PROJECT_ROOT, 'bench', 'data', 'xsid-id');
}

/** The `# text = ` / `# intent = ` pairs of one xSID CoNLL file; the token lines are for slot filling. */
export async function readXsid(file: string): Promise<LabelledText[]> {
  const out: LabelledText[] = [];
  let text: string | undefined;
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line.startsWith('# text = ')) text = line.slice('# text = '.length).trim();
    else if (line.startsWith('# intent = ') && text !== undefined) {
      out.push({ text, label: line.slice('# intent = '.length).trim() });
      text = undefined;
    }
  }
  return out;
}
