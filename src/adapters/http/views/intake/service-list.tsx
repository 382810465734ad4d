import type { ConsoleLang } from '../../console-i18n.js';
import { ti } from '../../intake-i18n.js';
import { IntakeAssets } from './intake-assets.js';

/** One service the counter can file, with its name in the officer's language. */
export interface IntakeService {
  id: string;
  name: string;
}

/** The service chooser: one link per flow, in menu order. */
export function ServiceList({ lang, services }: { lang: ConsoleLang; services: readonly IntakeService[] }) {
  return (
    <>
      <IntakeAssets />
      <p>{ti(lang, 'choose')}</p>
      <ul class="intake-services">
        {services.map((s) => (
          <li>
            <a href={`/console/intake/${s.id}`}>{s.name}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
