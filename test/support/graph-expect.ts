import { expect } from '@jest/globals';
import type { FakeGraphApi, GraphCall } from './fake-graph-api.js';

/**
 * The body Loket posts to send the approved template `name` (Indonesian) to `to`, with its body
 * parameters when it has any: Meta refuses an empty `components`, so none is sent then.
 */
export function templateMessage(to: string, name: string, params: string[] = []): Record<string, unknown> {
  const components =
    params.length > 0
      ? [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }]
      : undefined;
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: { name, language: { code: 'id' }, ...(components ? { components } : {}) },
  };
}

/**
 * Asserts that `calls` are exactly sends of `bodies`, in order: each a JSON POST to the fake's
 * `/{phone-number-id}/messages` with its bearer token.
 */
export function expectSends(graph: FakeGraphApi, calls: readonly GraphCall[], bodies: object[]): void {
  expect(calls.map((c) => [c.method, c.path, c.authorization, c.contentType?.split(';')[0]])).toEqual(
    bodies.map(() => [
      'POST',
      `/v21.0/${graph.phoneNumberId}/messages`,
      `Bearer ${graph.token}`,
      'application/json',
    ]),
  );
  expect(calls.map((c) => c.body)).toEqual(bodies);
}
