import type { NextFunction, Request, Response } from 'express';
import type { IntakeFile } from '../../app/officer/intake-form.js';

/** A parsed `multipart/form-data` body: text fields (the last value of a name wins) and files by field name. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, IntakeFile[]>;
}

/**
 * The body was not valid multipart. It has body-parser's error shape (a 4xx `status`, a
 * `type`), so every error handler's `bodyError` answers it as an unreadable form.
 */
export class MultipartError extends Error {
  override readonly name = 'MultipartError';
  readonly status = 400;
  readonly type = 'multipart.parse.failed';
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

/**
 * Middleware: reads a multipart form into `req.body` (its fields) and `res.locals.files`, before
 * the CSRF check, which needs the token inside the body. An unreadable form goes to the error
 * handler as a `MultipartError`.
 */
export async function readMultipartForm(req: Request, res: Response, next: NextFunction): Promise<void> {
  try {
    const body = await parseMultipart(req);
    res.locals.files = body.files;
    req.body = body.fields;
    next();
  } catch (err) {
    next(err);
  }
}
