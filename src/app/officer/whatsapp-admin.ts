import { maskDigits } from '../../dialogue/handoff.js';
import type { EventLog } from '../../ports/event-log.js';
import type { WhatsAppSession } from '../../ports/whatsapp-session.js';
import { requireAdmin } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';

/** What the admin actions on the WhatsApp session need. */
export interface WhatsAppAdminDeps {
  whatsapp: WhatsAppSession;
  events: EventLog;
  now: () => Date;
}

/** Only admins act on the number; the audit row names who, when and what, with their office. */
async function audited<T>(
  deps: WhatsAppAdminDeps,
  admin: OfficerActor,
  type: string,
  act: () => Promise<T>,
  data?: Record<string, unknown>,
): Promise<T> {
  requireAdmin(admin, 'mengelola nomor WhatsApp');
  const result = await act();
  await deps.events.append({
    type,
    actor: actorOf(admin),
    at: deps.now(),
    officeId: admin.officeId,
    ...(data ? { data } : {}),
  });
  return result;
}

/** "Connect again" after a conflict, a logout or giving up: `whatsapp.restarted`. */
export function restartWhatsApp(deps: WhatsAppAdminDeps, admin: OfficerActor): Promise<void> {
  return audited(deps, admin, 'whatsapp.restarted', () => deps.whatsapp.restart());
}

/** Unlinks the number and forgets the login: `whatsapp.unpaired`. */
export function unpairWhatsApp(deps: WhatsAppAdminDeps, admin: OfficerActor): Promise<void> {
  return audited(deps, admin, 'whatsapp.unpaired', () => deps.whatsapp.unpair());
}

/**
 * Asks WhatsApp for a pairing code for `phone`: `whatsapp.pairing_code_requested` with the number
 * masked (the code itself is never logged: it links a phone to the number).
 */
export function requestWhatsAppPairingCode(
  deps: WhatsAppAdminDeps,
  admin: OfficerActor,
  phone: string,
): Promise<string> {
  return audited(
    deps,
    admin,
    'whatsapp.pairing_code_requested',
    () => deps.whatsapp.requestPairingCode(phone),
    {
      // The digits only, all but the last four hidden (the dialogue's masking of long numbers).
      phone: maskDigits(phone.replace(/\D/g, '')),
    },
  );
}
