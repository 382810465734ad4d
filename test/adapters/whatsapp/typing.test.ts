import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { makeComposing } from '../../../src/adapters/whatsapp/sender.js';
import { CITIZEN_JID, FakeSocket } from './helpers.js';

afterEach(() => {
  jest.useRealTimers();
});

describe('WhatsApp "typing" for an officer (makeComposing)', () => {
  it('should show composing at once and pause once the officer stops', async () => {
    jest.useFakeTimers();
    const sock = new FakeSocket({} as never);
    const typing = makeComposing(() => sock);
    await typing('6281234567890');
    await typing('6281234567890');
    expect(sock.presence).toEqual([
      { type: 'composing', jid: CITIZEN_JID },
      { type: 'composing', jid: CITIZEN_JID },
    ]);
    jest.advanceTimersByTime(10_000);
    // One pause for the two calls: the second call moved it.
    expect(sock.presence.map((p) => p.type)).toEqual(['composing', 'composing', 'paused']);
  });

  it('should do nothing without a connection', async () => {
    const typing = makeComposing(() => undefined);
    await expect(typing('6281234567890')).resolves.toBeUndefined();
  });
});
