import { describe, expect, it } from '@jest/globals';
import { captureApi, testChannel } from './helpers.js';

function channelFailingWith(error_code: number, description: string) {
  const channel = testChannel();
  const api = captureApi(channel.bot, { sendMessage: () => ({ ok: false, error_code, description }) });
  return { sender: channel.sender, api };
}

describe('Telegram sender', () => {
  it('should send replies to a chat with the bot rendering', async () => {
    const channel = testChannel();
    const api = captureApi(channel.bot);
    const result = await channel.sender.send('777', [
      { kind: 'text', text: 'Status permohonan <KTP> Anda: SELESAI' },
      { kind: 'menu', text: 'Ada lagi?', options: [{ value: 'tidak', label: 'Tidak' }] },
    ]);
    expect(result).toEqual({ ok: true });
    expect(channel.sender.channel).toBe('telegram');
    expect(api.sent().map((c) => c.payload.chat_id)).toEqual(['777', '777']);
    expect(api.texts()).toEqual(['Status permohonan &lt;KTP&gt; Anda: SELESAI', 'Ada lagi?\n1. Tidak']);
  });

  it.each([
    [403, 'Forbidden: bot was blocked by the user', 'unreachable'],
    [403, 'Forbidden: user is deactivated', 'unreachable'],
    [400, 'Bad Request: chat not found', 'unreachable'],
    [429, 'Too Many Requests: retry after 5', 'retry'],
    [502, 'Bad Gateway', 'retry'],
    [400, 'Bad Request: message text is empty', 'failed'],
  ] as const)('should map %i "%s" to %s', async (code, description, reason) => {
    const { sender, api } = channelFailingWith(code, description);
    const result = await sender.send('777', [
      { kind: 'text', text: 'satu' },
      { kind: 'text', text: 'dua' },
    ]);
    expect(result).toMatchObject({ ok: false, reason });
    // The first failure stops the rest, so messages never arrive out of order.
    expect(api.sent()).toHaveLength(1);
  });
});
