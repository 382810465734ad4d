import express, { type Router } from 'express';
import { listOffices } from '../../../../app/officer/manage-officers.js';
import { langOf, type Render } from '../../console-render.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { officerOf } from '../../security.js';
import { ts } from '../../supervisor-i18n.js';
import { officesQuerySchema } from '../../supervisor-schemas.js';
import { OfficesView } from '../../views/supervisor/offices-view.js';
import { pageQuery } from './queries.js';

/** `GET /admin/offices`: the offices of the admin's area, read-only and searchable. */
export function officesPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  router.get('/admin/offices', async (req, res) => {
    const lang = langOf(req);
    const { raw, q, opts } = pageQuery(officesQuerySchema, req);
    const result = await listOffices(deps, officerOf(res), {
      ...(q.q ? { search: q.q } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    render(
      req,
      res,
      ts(lang, 'offices'),
      () => (
        <OfficesView lang={lang} query={raw} result={result} paging={{ offset: q.offset, limit: q.limit }} />
      ),
      opts,
    );
  });
  return router;
}
