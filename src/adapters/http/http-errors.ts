import type { ErrorRequestHandler, Response } from 'express';
import { DocumentIntegrityError } from '../../ports/document-store.js';
import type { z } from 'zod';
import { OfficerActionError, type OfficerErrorCode } from '../../app/officer/errors.js';

/** The one error shape of the API: `{ error: { code, message, fields? } }`, message in Indonesian first. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const STATUS: Readonly<Record<OfficerErrorCode, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** Sends an error in the one shape. */
export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
): void {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  res.status(status).json(body);
}

/** Zod issues as `{ "revision.stepId": "..." }`, what the console puts next to each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(body)';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses input with zod, or throws an `invalid` error naming every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new OfficerActionError('invalid', 'Isian belum benar (invalid input).', fieldErrors(parsed.error));
  }
  return parsed.data;
}

/**
 * A request body Express could not read (body-parser's errors carry a 4xx `status` and a `type`):
 * too large, malformed JSON, an unsupported charset or encoding. The caller's fault, never a 500.
 */
export function bodyError(err: unknown): { status: number; code: string; message: string } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, type } = err as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof type !== 'string')
    return undefined;
  if (type === 'entity.too.large')
    return { status: 413, code: 'too_large', message: 'Isi permintaan terlalu besar (request too large).' };
  if (type === 'entity.parse.failed')
    return { status: 400, code: 'invalid', message: 'Isi permintaan bukan JSON yang sah (malformed JSON).' };
  return { status, code: 'invalid', message: 'Isi permintaan tidak terbaca (unreadable request body).' };
}

/**
 * A stored file that failed its check is never served: the officer is told it is damaged, that
 * retrying will not help, and whom to tell (the bytes may have been changed at rest).
 */
export const DAMAGED_FILE_TEXT =
  'Berkas ini rusak atau diubah di penyimpanan, jadi tidak ditampilkan. Mencoba lagi tidak membantu: laporkan ke admin (stored file failed its integrity check).';

/** Maps use-case refusals, CSRF failures and unreadable bodies to the one shape; anything else is a 500, logged. */
export function apiErrorHandler(
  isCsrfError: (err: unknown) => boolean,
  log: (err: unknown) => void,
): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof OfficerActionError)
      return sendError(res, STATUS[err.code], err.code, err.message, err.fields);
    if (isCsrfError(err)) {
      return sendError(
        res,
        403,
        'csrf',
        'Token keamanan tidak valid; muat ulang halaman (invalid CSRF token).',
      );
    }
    const body = bodyError(err);
    if (body) return sendError(res, body.status, body.code, body.message);
    log(err);
    if (err instanceof DocumentIntegrityError)
      return sendError(res, 500, 'document_damaged', DAMAGED_FILE_TEXT);
    return sendError(res, 500, 'internal', 'Terjadi kesalahan di server; coba lagi (server error).');
  };
}

/** The HTTP status of an officer refusal (the console pages use it too). */
export function statusOf(code: OfficerErrorCode): number {
  return STATUS[code];
}
