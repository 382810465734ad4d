import type { Router } from 'express';
import { intakeServiceName } from '../../app/officer/intake-form.js';
import { langOf } from './console-render.js';
import { intakeContext, type IntakePageDeps } from './intake-context.js';
import { ti } from './intake-i18n.js';
import { ServiceList } from './views/intake/service-list.js';

/** The service chooser at `/console/intake/`: every flow of the catalog, in menu order. */
export function intakeServicesRoute(router: Router, { deps, render }: IntakePageDeps): void {
  router.get('/', (req, res) => {
    const lang = langOf(req);
    const ctx = intakeContext(deps, lang);
    const services = [...deps.intake.catalog.flows.values()].map((f) => ({
      id: f.id,
      name: intakeServiceName(ctx, f),
    }));
    render(req, res, ti(lang, 'title'), () => <ServiceList lang={lang} services={services} />);
  });
}
