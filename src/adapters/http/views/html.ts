import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * What a view returns: Preact elements, which the renderer escapes wherever a value lands.
 * Markup from a string is never spliced in; the one way to do it is Preact's own
 * `dangerouslySetInnerHTML`, whose name says what it is.
 */
export type Html = ComponentChildren;

/** A whole page, with its doctype. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}

/** A piece of a page (a queue row sent over the event stream, a chart in a test). */
export function renderFragment(node: VNode): string {
  return render(node);
}
