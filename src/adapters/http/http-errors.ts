import type { ErrorRequestHandler, Response } from 'express';
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

/** Maps use-case refusals, CSRF failures and bad JSON to the one shape; anything else is a 500, logged. */
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
    if (
      typeof err === 'object' &&
      err !== null &&
      (err as { type?: unknown }).type === 'entity.parse.failed'
    ) {
      return sendError(res, 400, 'invalid', 'Isi permintaan bukan JSON yang sah (malformed JSON).');
    }
    log(err);
    return sendError(res, 500, 'internal', 'Terjadi kesalahan di server; coba lagi (server error).');
  };
}

/** The HTTP status of an officer refusal (the console pages use it too). */
export function statusOf(code: OfficerErrorCode): number {
  return STATUS[code];
}
