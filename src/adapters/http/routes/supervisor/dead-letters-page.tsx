import express, { type Router } from 'express';
import { z } from 'zod';
import { langOf, type Render } from '../../console-render.js';
import { tdl } from '../../dead-letter-i18n.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { DeadLettersView } from '../../views/supervisor/dead-letters-view.js';
import { pageQuery } from './queries.js';

const querySchema = z.object({
  limit: z.coerce.number('Harus angka.').int('Harus bilangan bulat.').min(1).max(200).default(50),
  offset: z.coerce.number('Harus angka.').int('Harus bilangan bulat.').min(0).default(0),
});

/**
 * `GET /dead-letters`: citizens' messages parked after failing with the database healthy, so
 * staff can follow the citizen up and report the error. No office owns them (a message that
 * failed may not have reached any routing), so every supervisor and admin sees them.
 */
export function deadLettersPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  router.get('/dead-letters', async (req, res) => {
    const lang = langOf(req);
    const { raw, q, opts } = pageQuery(querySchema, req);
    const result = await deps.deadLetters.list({ limit: q.limit, offset: q.offset });
    render(
      req,
      res,
      tdl(lang, 'title'),
      () => (
        <DeadLettersView
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
