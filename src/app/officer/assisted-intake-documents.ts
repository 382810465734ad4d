import type { DocumentRef } from '../../domain/application.js';
import type { Lang, UploadedFile } from '../../dialogue/types.js';
import type { DocumentStore, PutRefusal } from '../../ports/document-store.js';
import { documentRefOf } from '../effects/effect-deps.js';
import { invalidInput } from './errors.js';
import type { CheckedIntake } from './intake-form.js';
import type { OfficerActor } from './officer-actor.js';

/** Where and when the counter form's documents are stored, and in which language refusals are said. */
interface StoreContext {
  at: Date;
  lang: Lang;
  citizenLang: Lang;
}

/**
 * Stores the form's files with each step's limits. A refused file throws the field's error, and
 * `discard` removes what this call stored when the application does not come of it.
 */
export async function storeDocuments(
  deps: { documents: DocumentStore; uploadMaxBytes: number },
  officer: OfficerActor,
  steps: CheckedIntake['documents'],
  { at, lang, citizenLang }: StoreContext,
): Promise<{ documents: DocumentRef[]; discard: () => Promise<void> }> {
  const stored: Array<{ stepId: string; file: UploadedFile }> = [];
  const discard = async () => {
    for (const s of stored) await deps.documents.delete(s.file.documentId);
  };
  for (const { step, files } of steps) {
    for (const f of files) {
      const put = await deps.documents.put({
        bytes: f.bytes,
        filename: f.filename,
        owner: { channel: 'console', chatId: `officer:${officer.id}` },
        maxBytes: step.max_bytes ?? deps.uploadMaxBytes,
        allowedTypes: [...step.accept],
      });
      if (!put.ok) {
        await discard();
        const msg = refusalText(put, f.filename, step.accept, citizenLang);
        throw invalidInput({ [step.id]: msg }, lang);
      }
      stored.push({ stepId: step.id, file: put.file });
    }
  }
  const documents = stored.map(({ stepId, file }) => documentRefOf(stepId, file, at));
  return { documents, discard };
}

/** Why a file an officer uploaded was refused (counter form, handoff file), in the officer's language. */
export function refusalText(
  put: PutRefusal,
  filename: string,
  accept: readonly string[],
  lang: 'id' | 'en',
): string {
  const en = lang === 'en';
  switch (put.reason) {
    case 'too_big':
      return en ? 'File too big.' : 'Berkas terlalu besar.';
    case 'empty':
      return en ? 'The file is empty.' : 'Berkas kosong.';
    case 'damaged':
      return en
        ? `${filename} is damaged or cut off; scan it again.`
        : `${filename} rusak atau terpotong; pindai ulang.`;
    case 'active_content':
      return en
        ? `${filename} contains scripts or attachments; upload a plain scan.`
        : `${filename} berisi skrip atau lampiran; unggah hasil pindai biasa.`;
    case 'type_not_allowed':
      return `${en ? 'File type not accepted' : 'Jenis berkas tidak diterima'} (${filename}: ${put.detectedType ?? '?'}); ${accept.join(', ')}.`;
  }
}
