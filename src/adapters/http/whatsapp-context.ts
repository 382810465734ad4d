import type { WhatsAppAdminDeps } from '../../app/officer/whatsapp-admin.js';
import type { WhatsAppSession } from '../../ports/whatsapp-session.js';
import type { Render } from './console-render.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';

/** What the WhatsApp page's route modules get from the admin router that mounts them. */
export interface WhatsAppPageDeps {
  deps: OfficerHttpDeps;
  session: WhatsAppSession;
  render: Render;
  /** The admin use cases' deps (the session, the audit log, the clock). */
  actions: WhatsAppAdminDeps;
}
