import type { IntakeSettings } from '../../app/officer/assisted-intake.js';
import { formContext } from '../../app/officer/intake-form.js';
import type { Ctx } from '../../dialogue/context.js';
import type { ConsoleLang } from './console-i18n.js';
import type { Render } from './console-render.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';

/** Deps with intake configured: the intake routers are only mounted then. */
export type IntakeHttpDeps = OfficerHttpDeps & { intake: IntakeSettings };

/** The intake use case's deps from the HTTP deps. */
export function intakeDeps(deps: IntakeHttpDeps) {
  return {
    ...deps.intake,
    applications: deps.applications,
    events: deps.events,
    documents: deps.documents,
    offices: deps.offices,
    ...(deps.holidayStore ? { holidayStore: deps.holidayStore } : {}),
    now: deps.now,
  };
}

/** What every intake page's route module gets from the intake router that mounts it. */
export interface IntakePageDeps {
  deps: IntakeHttpDeps;
  render: Render;
}

/**
 * A dialogue context in the officer's language: the form's labels, hints and checks come from
 * the same catalog texts and validators as the chat.
 */
export function intakeContext(deps: IntakeHttpDeps, lang: ConsoleLang): Ctx {
  return formContext(deps.intake.catalog, lang, deps.now(), deps.intake.uploadMaxBytes);
}
