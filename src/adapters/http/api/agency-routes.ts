import type { Router } from 'express';
import {
  forwardApplication,
  listAgencies,
  listForwardedToAgency,
  recordAgencyAnswer,
} from '../../../app/officer/agency-steps.js';
import type { AgencyStep } from '../../../domain/agency.js';
import { isAgencyActive, openAgencyStep } from '../../../domain/agency.js';
import type { Application } from '../../../domain/application.js';
import type { z } from 'zod';
import { agencyAnswerSchema, forwardSchema } from '../agency-schemas.js';
import type { agencyStepSchema, forwardedApplicationSchema } from '../agency-schemas.js';
import { parseInput } from '../http-errors.js';
import { applicationSummary } from '../json-views.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';

/** An agency step as JSON. */
export function agencyStepJson(s: AgencyStep): z.infer<typeof agencyStepSchema> {
  return {
    agencyId: s.agencyId,
    forwardedAt: s.forwardedAt.toISOString(),
    slaDays: s.slaDays,
    slaDueAt: s.slaDueAt.toISOString(),
    note: s.note,
    ...(s.answeredAt ? { answeredAt: s.answeredAt.toISOString() } : {}),
    ...(s.outcome ? { outcome: s.outcome } : {}),
    ...(s.answerNote ? { answerNote: s.answerNote } : {}),
  };
}

function forwardedJson(a: Application): z.infer<typeof forwardedApplicationSchema> {
  return {
    id: a.id,
    trackingNumber: a.trackingNumber,
    serviceId: a.serviceId,
    status: a.status,
    version: a.version,
    step: agencyStepJson(openAgencyStep(a) ?? a.agencySteps!.at(-1)!),
  };
}

/**
 * `/api/agencies`, forwarding an application to an agency, recording its answer, and an agency
 * account's list of what waits on it (`/api/agency/applications`).
 */
export function agencyRoutes(router: Router, deps: OfficerHttpDeps): void {
  router.get('/agencies', async (_req, res) => {
    const items = (await listAgencies(deps)).map((a) => ({
      id: a.id,
      name: a.name,
      shortName: a.shortName,
      ...(a.contact ? { contact: a.contact } : {}),
      active: isAgencyActive(a),
    }));
    res.json({ items });
  });
  router.get('/agency/applications', async (_req, res) => {
    const items = await listForwardedToAgency(deps, officerOf(res));
    res.json({ items: items.map(forwardedJson) });
  });
  router.post('/applications/:id/forward', async (req, res) => {
    const body = parseInput(forwardSchema, req.body);
    const saved = await forwardApplication(deps, officerOf(res), {
      applicationId: idParam(req, 'id'),
      agencyId: body.agencyId,
      note: body.note,
      ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
    });
    res.json({
      application: applicationSummary(saved, deps.now()),
      agencySteps: (saved.agencySteps ?? []).map(agencyStepJson),
    });
  });
  router.post('/applications/:id/agency-answer', async (req, res) => {
    const body = parseInput(agencyAnswerSchema, req.body);
    const officer = officerOf(res);
    const saved = await recordAgencyAnswer(deps, officer, {
      applicationId: idParam(req, 'id'),
      outcome: body.outcome,
      note: body.note,
      ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
    });
    // An agency account gets back only what it may see; an officer the usual summary.
    if (officer.role === 'agency') return void res.json({ application: forwardedJson(saved) });
    res.json({
      application: applicationSummary(saved, deps.now()),
      agencySteps: (saved.agencySteps ?? []).map(agencyStepJson),
    });
  });
}
