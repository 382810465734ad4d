import type { Request, Response, Router } from 'express';
import { forwardApplication, recordAgencyAnswer } from '../../../app/officer/agency-steps.js';
import { OfficerActionError } from '../../../app/officer/errors.js';
import { agencyAnswerSchema, forwardSchema } from '../agency-schemas.js';
import { parseInput, statusOf } from '../http-errors.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';
import { renderDetail } from './application-routes.js';
import type { ConsoleContext } from './context.js';

/** The application page's agency forms: forward to an agency, record its answer. */
export function registerAgencyConsoleRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps } = ctx;
  router.post('/applications/:id/forward', async (req, res) => {
    await refusedAsPage(ctx, req, res, async () => {
      // The schema keeps only its own fields (not the CSRF token).
      const body = parseInput(forwardSchema, req.body);
      await forwardApplication(deps, officerOf(res), {
        applicationId: idParam(req),
        agencyId: body.agencyId,
        note: body.note,
        ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
      });
    });
  });
  router.post('/applications/:id/agency-answer', async (req, res) => {
    await refusedAsPage(ctx, req, res, async () => {
      const body = parseInput(agencyAnswerSchema, req.body);
      await recordAgencyAnswer(deps, officerOf(res), {
        applicationId: idParam(req),
        outcome: body.outcome,
        note: body.note,
        ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
      });
    });
  });
}

/** Runs a form's change, then back to the page; a refusal re-renders the page with why. */
async function refusedAsPage(ctx: ConsoleContext, req: Request, res: Response, change: () => Promise<void>) {
  const id = idParam(req);
  try {
    await change();
    res.redirect(303, `/console/applications/${id}?saved=1#agency-steps`);
  } catch (err) {
    if (!(err instanceof OfficerActionError) || err.code === 'not_found' || err.code === 'forbidden')
      throw err;
    await renderDetail(ctx, req, res, {
      status: statusOf(err.code),
      flash: { kind: 'error', text: err.message },
      ...(err.fields ? { errors: err.fields } : {}),
    });
  }
}
