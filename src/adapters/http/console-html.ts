/**
 * Escapes text for the string-built page bodies that are not views yet. Views in `views/` need
 * none of this: Preact escapes every value. Goes away with the last string body.
 */
export function esc(value: string | number | boolean | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A hidden CSRF field for a string-built form (views use `CsrfField`). */
export function csrfField(token: string): string {
  return `<input type="hidden" name="_csrf" value="${esc(token)}">`;
}
