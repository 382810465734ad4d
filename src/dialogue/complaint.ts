import type { Ctx } from './context.js';
import { note, t } from './context.js';
import { flowOf, serviceName } from './flow-steps.js';
import { openHandoff } from './handoff.js';

/**
 * A complaint (an officer asked for money, rude service) always reaches supervisors first: a
 * priority handoff. The citizen hears that the service is free where it is, with the legal
 * basis, and where to report pungli.
 */
export function complain(ctx: Ctx, serviceId: string | null): void {
  const flow = flowOf(ctx, serviceId ?? ctx.state.flow?.draft.serviceId);
  note(ctx, t(ctx, 'complaint.sorry'));
  if (!flow) note(ctx, t(ctx, 'complaint.free_general'));
  else if (flow.fee.amount === 0) {
    const service = serviceName(ctx, flow.id);
    note(
      ctx,
      flow.fee.legal_basis
        ? t(ctx, 'complaint.free', { service, basis: flow.fee.legal_basis })
        : t(ctx, 'complaint.free_no_basis', { service }),
    );
  } else note(ctx, t(ctx, 'complaint.official_fee', { service: serviceName(ctx, flow.id) }));
  note(ctx, t(ctx, 'complaint.report'));
  openHandoff(ctx, 'complaint');
}
