import express, { type Router } from 'express';
import { listUndelivered } from '../../../../app/officer/list-undelivered.js';
import { langOf, type Render } from '../../console-render.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { officerOf } from '../../security.js';
import { ts } from '../../supervisor-i18n.js';
import { deliveriesQuerySchema } from '../../supervisor-schemas.js';
import { DeliveriesView } from '../../views/supervisor/deliveries-view.js';
import { pageQuery } from './queries.js';

/** `GET /deliveries`: status notices that never reached their citizen, so staff can call them. */
export function deliveriesPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  router.get('/deliveries', async (req, res) => {
    const lang = langOf(req);
    const { raw, q, opts } = pageQuery(deliveriesQuerySchema, req);
    const result = await listUndelivered(deps, officerOf(res), q);
    render(
      req,
      res,
      ts(lang, 'deliveries'),
      () => (
        <DeliveriesView
          lang={lang}
          query={raw}
          result={result}
          paging={{ offset: q.offset, limit: q.limit }}
        />
      ),
      opts,
    );
  });
  return router;
}
