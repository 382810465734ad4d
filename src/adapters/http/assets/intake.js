// Assisted intake: shows only the steps whose flow condition (`when:`) holds for the answers
// so far, as the chat would ask them, and prints the receipt. The server checks the same rules
// again, so the form also works without this script.
/* global document, window */
(() => {
  'use strict';

  const print = document.getElementById('print-slip');
  if (print) print.addEventListener('click', () => window.print());

  const form = document.getElementById('intake-form');
  if (!form) return;
  const fields = [...form.querySelectorAll('.intake-field')];

  function answerOf(field) {
    const kind = field.dataset.kind;
    if (kind === 'yes_no') {
      const checked = field.querySelector('input:checked');
      if (!checked) return undefined;
      return checked.value === 'yes';
    }
    const input = field.querySelector('input, select');
    if (!input || input.type === 'file' || input.value.trim() === '') return undefined;
    return input.value.trim();
  }

  function holds(when, answers) {
    const negated = Object.prototype.hasOwnProperty.call(when, 'not');
    const terms = negated ? when.not : when;
    const all = Object.keys(terms).every((step) => {
      const a = answers[step];
      return a !== undefined && terms[step].some((v) => v === a);
    });
    return negated ? !all : all;
  }

  function refresh() {
    const answers = {};
    for (const field of fields) {
      const when = field.dataset.when ? JSON.parse(field.dataset.when) : null;
      const show = !when || holds(when, answers);
      field.hidden = !show;
      for (const input of field.querySelectorAll('input, select')) input.disabled = !show;
      if (show) answers[field.dataset.step] = answerOf(field);
    }
  }

  form.addEventListener('change', refresh);
  form.addEventListener('submit', () => {
    // One click, one application; the form token makes a second one harmless anyway.
    const button = document.getElementById('intake-submit');
    if (button) window.setTimeout(() => (button.disabled = true), 0);
  });
  refresh();
})();
