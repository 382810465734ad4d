import type { AvailabilityView } from '../../../../app/officer/availability.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { tWorkload } from '../../workload-i18n.js';
import { CsrfField } from '../csrf-field.js';

/**
 * Above the queue: how many officers of the officer's offices are available, the officer's own
 * state, and one button that flips it (a plain form, so it works without JavaScript).
 */
export function AvailabilityBar({
  lang,
  csrf,
  view,
}: {
  lang: ConsoleLang;
  csrf: string;
  view: AvailabilityView;
}) {
  return (
    <form method="post" action="/console/availability" class="availability" id="availability">
      <CsrfField token={csrf} />
      <input type="hidden" name="available" value={view.available ? 'false' : 'true'} />
      <span>
        {`${tWorkload(lang, 'availableCount')}: `}
        <strong id="available-count">{view.availableInScope}</strong>
      </span>{' '}
      <span class={view.available ? 'state available' : 'state away'}>
        {tWorkload(lang, view.available ? 'youAreAvailable' : 'youAreAway')}
      </span>{' '}
      <button>{tWorkload(lang, view.available ? 'setAway' : 'setAvailable')}</button>
    </form>
  );
}
