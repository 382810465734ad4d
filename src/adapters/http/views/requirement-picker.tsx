import type { ConsoleLang } from '../console-i18n.js';
import { tc } from '../context-i18n.js';

/** A service and its requirements as the bot's info answer words them. */
export interface ServiceRequirement {
  id: string;
  name: string;
  text: string;
}

/**
 * Pick a service, press the button, and its requirement text fills the reply box (console-context.js
 * copies the option's `data-text`): the officer answers "what do I need for PBG?" in the bot's words.
 */
export function RequirementPicker({
  lang,
  services,
}: {
  lang: ConsoleLang;
  services: readonly ServiceRequirement[];
}) {
  if (services.length === 0) return null;
  return (
    <span class="requirement-picker">
      <label for="requirement-service">{tc(lang, 'insertRequirements')}</label>{' '}
      <select id="requirement-service">
        {services.map((s) => (
          <option value={s.id} data-text={s.text}>
            {s.name}
          </option>
        ))}
      </select>{' '}
      <button type="button" id="insert-requirements">
        {tc(lang, 'insert')}
      </button>
    </span>
  );
}
