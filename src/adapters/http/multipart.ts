import type { Request } from 'express';
import type { IntakeFile } from '../../app/officer/intake-form.js';

/** A parsed `multipart/form-data` body: text fields (the last value of a name wins) and files by field name. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, IntakeFile[]>;
}

/** The body was not valid multipart. */
export class MultipartError extends Error {
  override readonly name = 'MultipartError';
}

/**
 * Parses a multipart body that `express.raw` has already read (within its byte limit). No
 * multipart package (multer, busboy) is installed, so this uses the multipart parser built
 * into Node's fetch (`Response.formData()`), which handles boundaries, quoting and binary
 * parts. An empty file input (no file chosen) is left out.
 */
export async function parseMultipart(req: Request): Promise<MultipartBody> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data;/i.test(type) || !Buffer.isBuffer(req.body)) {
    throw new MultipartError('expected multipart/form-data');
  }
  // express.raw() gives a Buffer over an ordinary ArrayBuffer, never a shared one.
  let form: FormData;
  try {
    form = await new Response(req.body as Buffer<ArrayBuffer>, {
      headers: { 'content-type': type },
    }).formData();
  } catch (err) {
    throw new MultipartError(err instanceof Error ? err.message : 'bad multipart body');
  }
  const body: MultipartBody = { fields: {}, files: {} };
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      body.fields[name] = value;
      continue;
    }
    if (value.size === 0 && value.name === '') continue;
    const bytes = Buffer.from(await value.arrayBuffer());
    (body.files[name] ??= []).push({ filename: value.name || 'dokumen', bytes });
  }
  return body;
}
