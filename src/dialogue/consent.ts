import type { Ctx } from './context.js';
import { sayMenu, t } from './context.js';
import { serviceName } from './flow-steps.js';
import { encode } from './menu-values.js';

/**
 * The privacy notice before the first personal question (UU 27/2022): what is collected, why,
 * how long it is kept, then yes/no.
 */
export function showConsent(ctx: Ctx, serviceId: string): void {
  sayMenu(ctx, 'consent', t(ctx, 'consent.text', { service: serviceName(ctx, serviceId) }), [
    { value: encode({ kind: 'consent', given: true }), label: t(ctx, 'consent.yes') },
    { value: encode({ kind: 'consent', given: false }), label: t(ctx, 'consent.no') },
  ]);
}
