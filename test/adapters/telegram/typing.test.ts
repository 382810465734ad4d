import { describe, expect, it } from '@jest/globals';
import { captureApi, testChannel } from './helpers.js';

describe('Telegram "typing" for an officer', () => {
  it('should send the typing chat action to the citizen chat, not queued behind messages', async () => {
    const channel = testChannel();
    const api = captureApi(channel.bot);
    await channel.sender.typing?.('777');
    expect(api.calls).toEqual([{ method: 'sendChatAction', payload: { chat_id: '777', action: 'typing' } }]);
  });
});
