import type { Ctx } from './context.js';
import { sayMenu, t } from './context.js';
import { serviceName } from './flow-steps.js';
import { encode } from './menu-values.js';
import type { MenuAction } from './menu-values.js';
import type { MenuOption } from './types.js';

/** Menus whose first option means "yes" and second "no", so typed "ya"/"gak" answer them. */
export const YES_NO_MENUS: ReadonlySet<string> = new Set([
  'consent',
  'offer',
  'officer_offer',
  'status_suggest',
]);

/** The main menu: every service in catalog order, then status and officer (and `extra`, if any). */
export function showMainMenu(ctx: Ctx, extra: readonly MenuOption[] = []): void {
  const options: MenuOption[] = [...ctx.catalog.flows.keys()].map((id) => ({
    value: encode({ kind: 'service', service: id }),
    label: serviceName(ctx, id),
  }));
  options.push({ value: encode({ kind: 'status' }), label: t(ctx, 'menu.status') });
  options.push({ value: encode({ kind: 'officer' }), label: t(ctx, 'menu.officer') });
  options.push(...extra);
  sayMenu(ctx, 'main', t(ctx, 'menu.text'), options);
}

/**
 * "Which service?" when the citizen asked about one without naming it; each option carries
 * the intent so the answer completes the question ("syarat" + KK).
 */
export function askWhichService(ctx: Ctx, action: (service: string) => MenuAction): void {
  const options = [...ctx.catalog.flows.keys()].map((id) => ({
    value: encode(action(id)),
    label: serviceName(ctx, id),
  }));
  sayMenu(ctx, 'which_service', t(ctx, 'info.which_service'), options);
}

/** After an answer about a service: apply now, or go back. */
export function offerToApply(ctx: Ctx, serviceId: string): void {
  sayMenu(ctx, 'offer', t(ctx, 'offer.text', { service: serviceName(ctx, serviceId) }), [
    { value: encode({ kind: 'apply', service: serviceId }), label: t(ctx, 'offer.yes') },
    { value: encode({ kind: 'resume' }), label: t(ctx, 'offer.no') },
  ]);
}

/** Offered after repeated misunderstandings: an officer, or back to the menu. */
export function offerOfficer(ctx: Ctx): void {
  sayMenu(ctx, 'officer_offer', t(ctx, 'officer_offer.text'), [
    { value: encode({ kind: 'officer' }), label: t(ctx, 'officer_offer.yes') },
    { value: encode({ kind: 'resume' }), label: t(ctx, 'officer_offer.no') },
  ]);
}
