import express, { type Request, type Response, type Router } from 'express';
import {
  approveDeletion,
  listDeletionRequests,
  refuseDeletion,
} from '../../../../app/officer/deletion-requests.js';
import { OfficerActionError } from '../../../../app/officer/errors.js';
import { langOf, type Render, type RenderOptions } from '../../console-render.js';
import { tdr } from '../../data-request-i18n.js';
import { statusOf } from '../../http-errors.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { officerOf } from '../../security.js';
import { DataRequestsView, type RefuseForm } from '../../views/supervisor/data-requests-view.js';

type ShowRequests = (
  req: Request,
  res: Response,
  opts?: RenderOptions & { form?: RefuseForm },
) => Promise<void>;

function requestsShower(deps: OfficerHttpDeps, render: Render): ShowRequests {
  return async (req, res, { form, ...opts } = {}) => {
    const lang = langOf(req);
    const rows = await listDeletionRequests(deps, officerOf(res));
    render(
      req,
      res,
      tdr(lang, 'title'),
      (csrf) => <DataRequestsView lang={lang} csrf={csrf} rows={rows} {...(form ? { form } : {})} />,
      opts,
    );
  };
}

/** After a decision: done, and whether the citizen's notice is still on its way. */
function doneUrl(done: 'approved' | 'refused', notified: boolean): string {
  return `/console/data-requests?done=${done}${notified ? '' : '&queued=1'}`;
}

function flashOf(req: Request): RenderOptions {
  const lang = langOf(req);
  const done = req.query.done;
  if (done !== 'approved' && done !== 'refused') return {};
  const text = tdr(lang, done === 'approved' ? 'doneApproved' : 'doneRefused');
  const queued = req.query.queued === '1' ? ` ${tdr(lang, 'notNotified')}` : '';
  return { flash: { kind: 'ok', text: `${text}${queued}` } };
}

/**
 * `GET /data-requests` lists citizens' deletion requests (supervisors and admins, who decide
 * them within 3×24 hours); `POST /data-requests/:id/approve` erases the chat's data and
 * `POST /data-requests/:id/refuse` refuses with a reason (required). Both are audited and tell
 * the citizen by the use cases.
 */
export function dataRequestsPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  const show = requestsShower(deps, render);

  router.get('/data-requests', async (req, res) => {
    await show(req, res, flashOf(req));
  });

  router.post('/data-requests/:id/approve', async (req, res) => {
    const { notified } = await approveDeletion(deps, officerOf(res), String(req.params.id));
    res.redirect(303, doneUrl('approved', notified));
  });

  router.post('/data-requests/:id/refuse', async (req, res) => {
    const id = String(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const reason = typeof body.reason === 'string' ? body.reason : '';
    try {
      const { notified } = await refuseDeletion(deps, officerOf(res), id, reason, langOf(req));
      res.redirect(303, doneUrl('refused', notified));
    } catch (err) {
      if (!(err instanceof OfficerActionError) || err.code !== 'invalid') throw err;
      await show(req, res, {
        status: statusOf(err.code),
        flash: { kind: 'error', text: err.message },
        form: { id, values: { reason }, errors: err.fields ?? {} },
      });
    }
  });
  return router;
}
