import type { Ctx } from './context.js';
import { emit, sayMenu, t } from './context.js';
import { formatDate, formatDay } from './dates.js';
import { flowOf, serviceName } from './flow-steps.js';
import { encode } from './menu-values.js';
import { answerThenResume } from './present.js';
import type { AgencyWaitView, StatusView } from './types.js';

/** Asks the use case to look up applications; the answer comes back as a status event. */
export function requestStatus(ctx: Ctx, trackingNumber?: string): void {
  ctx.state.misunderstood = 0;
  emit(ctx, trackingNumber ? { kind: 'lookup_status', trackingNumber } : { kind: 'lookup_status' });
}

function nameOf(ctx: Ctx, serviceId: string): string {
  return flowOf(ctx, serviceId) ? serviceName(ctx, serviceId) : serviceId;
}

function describe(ctx: Ctx, app: StatusView): string {
  const lang = ctx.state.lang;
  const lines = [
    t(ctx, 'status.one', {
      tracking: app.trackingNumber,
      service: nameOf(ctx, app.serviceId),
      status: t(ctx, `status.names.${app.status}`),
      changed: formatDate(app.lastChangeAt, lang),
      due: formatDate(app.dueAt, lang),
    }),
  ];
  if (app.agency) lines.push(agencyLine(ctx, app.agency));
  if (app.late) lines.push(t(ctx, 'status.late'));
  if (app.note) lines.push(t(ctx, 'status.note', { note: app.note }));
  return lines.join('\n');
}

/**
 * "Menunggu pemeriksaan teknis di Dinas Cipta Karya sejak Senin, ... (3 dari 5 hari kerja)", or
 * that the agency answered; over its SLA, it says so and names the way to complain.
 */
function agencyLine(ctx: Ctx, wait: AgencyWaitView): string {
  const lang = ctx.state.lang;
  const agency = ctx.catalog.agencies?.get(wait.agencyId);
  const params = {
    agency: wait.agencyName ?? agency?.shortName ?? wait.agencyId,
    task: agency?.task?.[lang] ?? t(ctx, 'status.agency_task'),
    since: formatDay(wait.since, lang),
    day: wait.day,
    of: wait.of,
  };
  if (wait.answeredAt)
    return t(ctx, 'status.agency_answered', { ...params, at: formatDate(wait.answeredAt, lang) });
  return [
    t(ctx, 'status.agency_waiting', params),
    ...(wait.late ? [t(ctx, 'status.agency_late', params)] : []),
  ].join('\n');
}

function item(ctx: Ctx, app: StatusView): string {
  return t(ctx, 'status.item', {
    tracking: app.trackingNumber,
    service: nameOf(ctx, app.serviceId),
    status: t(ctx, `status.names.${app.status}`),
    due: formatDate(app.dueAt, ctx.state.lang),
    late: app.late ? t(ctx, 'status.late_short') : '',
  });
}

/** Status in plain words: one application in detail, several as a list. */
export function onStatusFound(ctx: Ctx, applications: readonly StatusView[]): void {
  if (applications.length === 0) {
    onStatusNotFound(ctx);
    return;
  }
  const [only] = applications;
  const body =
    applications.length === 1 && only
      ? describe(ctx, only)
      : [
          t(ctx, 'status.many', { count: applications.length }),
          ...applications.map((a) => item(ctx, a)),
          t(ctx, 'status.many_hint'),
        ].join('\n');
  answerThenResume(ctx, body);
}

/** Nothing found: "did you mean" when the use case has a near number, else how to find it. */
export function onStatusNotFound(ctx: Ctx, query?: string, suggestion?: string): void {
  if (suggestion) {
    sayMenu(ctx, 'status_suggest', t(ctx, 'status.did_you_mean', { query: query ?? '', suggestion }), [
      { value: encode({ kind: 'status', trackingNumber: suggestion }), label: t(ctx, 'word.yes') },
      { value: encode({ kind: 'resume' }), label: t(ctx, 'word.no') },
    ]);
    return;
  }
  answerThenResume(ctx, query ? t(ctx, 'status.not_found', { query }) : t(ctx, 'status.none'));
}
