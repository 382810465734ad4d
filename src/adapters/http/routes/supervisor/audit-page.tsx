import express, { type Router } from 'express';
import { isWithinOffice } from '../../../../app/officer/scope.js';
import { OFFICER_ACTION_TYPES, searchAudit } from '../../../../app/officer/search-audit.js';
import { langOf, type Render } from '../../console-render.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { officerOf } from '../../security.js';
import { ts } from '../../supervisor-i18n.js';
import { auditQuerySchema } from '../../supervisor-schemas.js';
import { AuditView } from '../../views/supervisor/audit-view.js';
import { auditQuery, pageQuery } from './queries.js';

/** `GET /audit`: the audit log of the supervisor's subtree, searched by officer, action, number, days. */
export function auditPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  router.get('/audit', async (req, res) => {
    const lang = langOf(req);
    const officer = officerOf(res);
    const { raw, q, opts } = pageQuery(auditQuerySchema, req);
    const result = await searchAudit(deps, officer, auditQuery(q));
    const officers = (await deps.officers.list()).filter((o) => isWithinOffice(o.officeId, officer.officeId));
    render(
      req,
      res,
      ts(lang, 'audit'),
      () => (
        <AuditView
          lang={lang}
          query={raw}
          result={result}
          types={OFFICER_ACTION_TYPES}
          officers={officers}
          paging={{ offset: q.offset, limit: q.limit }}
        />
      ),
      opts,
    );
  });
  return router;
}
