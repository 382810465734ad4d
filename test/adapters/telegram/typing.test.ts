import { describe, expect, it } from '@jest/globals';
import { createTelegramChannel } from '../../../src/adapters/telegram/channel.js';
import { BOT_INFO, TOKEN, captureApi, scriptedInbound, silentLogger } from './helpers.js';

describe('Telegram "typing" for an officer', () => {
  it('should send the typing chat action to the citizen chat, not queued behind messages', async () => {
    const channel = createTelegramChannel({
      token: TOKEN,
      botInfo: BOT_INFO,
      handleInbound: scriptedInbound(() => []).handle,
      logger: silentLogger,
      uploadMaxBytes: 1000,
      downloadTimeoutMs: 1000,
    });
    const api = captureApi(channel.bot);
    await channel.sender.typing?.('777');
    expect(api.calls).toEqual([{ method: 'sendChatAction', payload: { chat_id: '777', action: 'typing' } }]);
  });
});
