import express, { type Router } from 'express';
import { OfficerActionError } from '../../../../app/officer/errors.js';
import { pendingDeletions } from '../../../../app/officer/deletion-requests.js';
import { computeMetrics } from '../../../../app/officer/metrics.js';
import { computeAgencyMetrics } from '../../../../app/officer/agency-metrics.js';
import { computeSatisfaction } from '../../../../app/officer/satisfaction-metrics.js';
import { isWithinOffice } from '../../../../app/officer/scope.js';
import { langOf, type Render } from '../../console-render.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { officerOf } from '../../security.js';
import { ts } from '../../supervisor-i18n.js';
import { metricsQuerySchema } from '../../supervisor-schemas.js';
import { DashboardView } from '../../views/supervisor/dashboard-view.js';
import { metricsWindow, pageQuery } from './queries.js';

/** `GET /dashboard`: the supervisor's numbers for a window of days and an office of their subtree. */
export function dashboardPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  router.get('/dashboard', async (req, res) => {
    const lang = langOf(req);
    const officer = officerOf(res);
    const { q, opts } = pageQuery(metricsQuerySchema, req);
    const w = metricsWindow(q, officer, deps.now());
    if (!isWithinOffice(w.officeId, officer.officeId)) {
      throw new OfficerActionError('forbidden', 'Kantor ini di luar wilayah Anda (outside your office).');
    }
    const metrics = await computeMetrics(deps, officer, { from: w.from, to: w.to, officeId: w.officeId });
    const satisfaction = await computeSatisfaction(deps, officer, {
      from: w.from,
      to: w.to,
      officeId: w.officeId,
    });
    const agencies = await computeAgencyMetrics(deps, officer, w.officeId);
    const deletions = { pending: await pendingDeletions(deps, officer), now: deps.now() };
    render(
      req,
      res,
      ts(lang, 'dashboard'),
      () => (
        <DashboardView
          lang={lang}
          days={w.days}
          metrics={metrics}
          satisfaction={satisfaction}
          deletions={deletions}
          agencies={agencies}
        />
      ),
      opts,
    );
  });
  return router;
}
