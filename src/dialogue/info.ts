import type { Flow } from '../catalog/flow-schema.js';
import type { Ctx } from './context.js';
import { note, t } from './context.js';
import { flowOf, serviceName } from './flow-steps.js';
import { askWhichService, offerToApply } from './menus.js';
import { answerThenResume, busy, presentCurrent } from './present.js';
import { bullets, has, lines } from './render.js';

/** What a citizen can ask about a service without applying; `overview` is all of it at once. */
export type InfoTopic = 'ask_requirements' | 'ask_cost' | 'ask_duration' | 'office_info' | 'overview';

function requirements(ctx: Ctx, flow: Flow): string {
  const parts = [
    t(ctx, 'info.requirements', { service: serviceName(ctx, flow.id) }),
    bullets(lines(ctx.catalog, ctx.state.lang, `${flow.id}.requirements`)),
  ];
  if (flow.in_person) parts.push(t(ctx, `${flow.id}.in_person`));
  return parts.join('\n');
}

function fee(ctx: Ctx, flow: Flow): string {
  const service = serviceName(ctx, flow.id);
  const { amount, legal_basis: basis } = flow.fee;
  const parts = [
    amount === 0
      ? basis
        ? t(ctx, 'info.fee_free', { service, basis })
        : t(ctx, 'info.fee_free_no_basis', { service })
      : amount === null
        ? t(ctx, 'info.fee_levy', { service })
        : t(ctx, 'info.fee_amount', {
            service,
            amount: `Rp${new Intl.NumberFormat('id-ID').format(amount)}`,
          }),
  ];
  if (has(ctx.catalog, ctx.state.lang, [`${flow.id}.fee_note`])) parts.push(t(ctx, `${flow.id}.fee_note`));
  return parts.join('\n');
}

function duration(ctx: Ctx, flow: Flow, withInPerson = true): string {
  const parts = [
    t(ctx, 'info.duration', { service: serviceName(ctx, flow.id), days: flow.sla_working_days }),
  ];
  if (flow.in_person && withInPerson) parts.push(t(ctx, `${flow.id}.in_person`));
  return parts.join('\n');
}

function body(ctx: Ctx, topic: Exclude<InfoTopic, 'office_info'>, flow: Flow): string {
  switch (topic) {
    case 'ask_requirements':
      return requirements(ctx, flow);
    case 'ask_cost':
      return fee(ctx, flow);
    case 'ask_duration':
      return duration(ctx, flow);
    case 'overview':
      return [
        `*${serviceName(ctx, flow.id)}*\n${t(ctx, `${flow.id}.description`)}`,
        requirements(ctx, flow),
        fee(ctx, flow),
        duration(ctx, flow, false),
      ].join('\n\n');
  }
}

/**
 * Answers a question from the catalog, then offers to start the application (or returns to
 * the one in progress). Without a known service it asks which one first.
 */
export function answerInfo(ctx: Ctx, topic: InfoTopic, serviceId: string | null): void {
  ctx.state.misunderstood = 0;
  const flow = flowOf(ctx, serviceId ?? ctx.state.flow?.draft.serviceId);
  if (topic === 'office_info') {
    if (flow && !busy(ctx)) {
      note(ctx, t(ctx, 'info.office_hours'));
      offerToApply(ctx, flow.id);
    } else answerThenResume(ctx, t(ctx, 'info.office_hours'));
    return;
  }
  if (!flow) {
    askWhichService(ctx, (service) =>
      topic === 'overview' ? { kind: 'service', service } : { kind: 'intent', intent: topic, service },
    );
    return;
  }
  note(ctx, body(ctx, topic, flow));
  if (busy(ctx)) presentCurrent(ctx);
  else offerToApply(ctx, flow.id);
}
