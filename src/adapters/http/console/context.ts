import type { Render } from '../console-render.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import type { OfficerSecurity } from '../security.js';

/** What every console route module gets from `createConsoleRouter`: built once, shared by all pages. */
export interface ConsoleContext {
  deps: OfficerHttpDeps;
  sec: OfficerSecurity;
  render: Render;
}
