import type { Lang } from '../../dialogue/types.js';
import type { Agency, AgencyStep } from '../../domain/agency.js';
import type { Application } from '../../domain/application.js';

/** What the agency does for the application when the agency list says nothing. */
const SOME_TASK: Record<Lang, string> = { id: 'pemeriksaan', en: 'its part' };

/**
 * The one short message a citizen gets when an officer forwards their application: which
 * agency, for what, its usual wait in working days, and that their own due date stays (decision
 * 0013). It promises no date of the agency's: the step's SLA is what it usually takes.
 */
export function agencyForwardNotice(
  app: Pick<Application, 'trackingNumber'>,
  step: Pick<AgencyStep, 'agencyId' | 'slaDays'>,
  agency: Agency | undefined,
  lang: Lang,
): string {
  const name = agency?.shortName ?? step.agencyId;
  const task = agency?.task?.[lang] ?? SOME_TASK[lang];
  return lang === 'en'
    ? [
        `Application ${app.trackingNumber} has been forwarded to ${name} for ${task}; this usually takes ${step.slaDays} working days.`,
        'The due date of your application does not change. Type "status" to follow it.',
      ].join('\n')
    : [
        `Permohonan ${app.trackingNumber} diteruskan ke ${name} untuk ${task}; biasanya ${step.slaDays} hari kerja.`,
        'Target selesai permohonan Anda tidak berubah. Ketik "status" untuk melihat perkembangannya.',
      ].join('\n');
}
