import type { Catalog } from '../../catalog/catalog.js';
import type { Application } from '../../domain/application.js';
import type { Lang } from '../../domain/lang.js';
import { maskNik } from '../../domain/nik.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import { answerWords, serviceNameOf, stepLabelOf } from './service-texts.js';

/** One answer of an application as the officer reads it. */
export interface AnswerLine {
  stepId: string;
  label: string;
  value: string;
}

/**
 * An application's words for the officer's page: the service's name, each answer under its
 * step's label with its value in words, and a labeller for documents and revision notes. The
 * officer should read "Sudah/pernah menikah: Tidak", not `sudah_menikah false`.
 */
export interface ApplicationWords {
  serviceName: string;
  answers: AnswerLine[];
  stepLabel: (stepId: string) => string;
}

/**
 * The words of `app` from the catalog (ids, prettified, without it). A NIK answer stays masked,
 * as it is everywhere else on the page: a step of kind `nik`, or any answer equal to the
 * applicant's NIK when no catalog says which step asked for it.
 */
export function applicationWords(
  catalog: Catalog | undefined,
  lang: Lang,
  app: Application,
): ApplicationWords {
  const { serviceId } = app;
  const steps = catalog?.flows.get(serviceId)?.steps ?? [];
  const isNik = (stepId: string, value: unknown) =>
    steps.find((s) => s.id === stepId)?.kind === 'nik' || value === app.applicant.nik;
  return {
    serviceName: serviceNameOf(catalog, lang, serviceId),
    answers: Object.entries(app.answers).map(([stepId, value]) => ({
      stepId,
      label: stepLabelOf(catalog, lang, serviceId, stepId),
      value:
        typeof value === 'string' && isNik(stepId, value)
          ? maskNik(value)
          : answerWords(catalog, lang, serviceId, stepId, value),
    })),
    stepLabel: (stepId) => stepLabelOf(catalog, lang, serviceId, stepId),
  };
}

/**
 * The names of the offices `ids` (each read once, however many rows name it), so a page shows
 * "Gambir" and not only `31.71.01.1001`; an id no office has is left out and shown as is.
 */
export async function officeNames(
  offices: Pick<OfficeRepository, 'get'>,
  ids: Iterable<string>,
): Promise<ReadonlyMap<string, string>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => offices.get(id)));
  return new Map(found.flatMap((o) => (o ? [[o.id, o.name] as [string, string]] : [])));
}
