import express, { type ErrorRequestHandler, type Router } from 'express';
import { fileAssistedApplication, largestIntakeUpload } from '../../app/officer/assisted-intake.js';
import type { IntakeFile } from '../../app/officer/intake-form.js';
import { apiErrorHandler, bodyError, parseInput, sendError } from './http-errors.js';
import { intakeDeps, type IntakeHttpDeps } from './intake-router.js';
import { assistedIntakeSchema } from './intake-schemas.js';
import { applicationSummary } from './json-views.js';
import { confineAgencyAccounts, officerOf, officerSecurity, requireOfficer } from './security.js';

/** A JSON answer as the form would have sent it: yes/no as the option values the engine knows. */
function asText(v: string | number | boolean | null): string {
  if (v === true) return 'yes';
  if (v === false) return 'no';
  return v === null ? '' : String(v);
}

/**
 * `POST /api/applications`: assisted intake over the API, the same use case as the console
 * form, with documents as base64 in JSON. Mounted before the main API router, whose JSON limit
 * (100 kB) is too small for documents; authentication and CSRF are the API's own.
 */
export function createIntakeApiRouter(deps: IntakeHttpDeps): Router {
  const sec = officerSecurity(deps);
  const router = express.Router();
  // Base64 is 4/3 of the bytes.
  const limit = Math.ceil((largestIntakeUpload(deps.intake) * 4) / 3) + 512 * 1024;

  router.post(
    '/applications',
    ...sec.session,
    sec.identify,
    requireOfficer,
    confineAgencyAccounts([]),
    express.json({ limit }),
    sec.csrf,
    async (req, res) => {
      const body = parseInput(assistedIntakeSchema, req.body);
      const files: Record<string, IntakeFile[]> = {};
      for (const [stepId, list] of Object.entries(body.documents)) {
        files[stepId] = list.map((f) => ({
          filename: f.filename,
          bytes: Buffer.from(f.contentBase64, 'base64'),
        }));
      }
      const result = await fileAssistedApplication(intakeDeps(deps), officerOf(res), {
        serviceId: body.serviceId,
        nonce: body.nonce,
        answers: Object.fromEntries(Object.entries(body.answers).map(([k, v]) => [k, asText(v)])),
        files,
        ...(body.contact ? { contact: body.contact } : {}),
      });
      const app = result.application;
      res.status(result.created ? 201 : 200).json({
        application: applicationSummary(app, deps.now()),
        office: { id: app.officeId, name: result.office?.name ?? app.officeId },
        created: result.created,
      });
    },
  );

  const tooLarge: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    if (bodyError(err)?.code !== 'too_large') return next(err);
    sendError(res, 413, 'too_large', 'Berkas terlalu besar untuk dikirim sekaligus (request too large).');
  };
  router.use(tooLarge);
  router.use(apiErrorHandler(sec.isCsrfError, (err) => deps.logger.error({ err }, 'API request failed')));
  return router;
}
