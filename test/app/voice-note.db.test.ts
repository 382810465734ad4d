import { useLoket } from '../support/loket.js';
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { InboundMessage } from '../../src/app/inbound.js';

const OGG = readFileSync(new URL('../fixtures/files/pesan-suara.ogg', import.meta.url));
const START = new Date('2026-11-23T02:00:00Z');

/**
 * Voice notes through the real inbound path: outside an officer conversation the recording is
 * let go of and the citizen is asked to type; in one, it is kept and reaches the ticket's
 * transcript as a playable audio attachment.
 */
describe('voice notes', () => {
  const loket = useLoket('voice');
  let n = 0;
  const send = (chatId: string, content: InboundMessage['content']) =>
    loket().handleInbound({
      channel: 'telegram',
      chatId,
      messageId: `${chatId}-${++n}`,
      at: new Date(START.getTime() + n * 60_000),
      content,
    });
  const voice = (bytes = OGG): InboundMessage['content'] => ({
    kind: 'file',
    file: {
      filename: 'pesan-suara.ogg',
      announcedSize: bytes.length,
      fetch: () => Promise.resolve(bytes),
      voice: true,
    },
  });

  it('should answer kindly outside a handoff and let the recording go', async () => {
    const result = await send('5101', voice());
    const said = result.replies.map((r) => r.text).join('\n');
    expect(said).toContain('Loket belum bisa mendengarkan pesan suara');
    expect(said).toContain('*petugas*');
    const discarded = await loket().repos.documents.listDiscardedBefore(new Date(Date.now() + 60_000), 50);
    expect(discarded.map((d) => d.owner.chatId)).toContain('5101');
  });

  it('should relay a voice note to the officer as an audio attachment in the transcript', async () => {
    await send('5102', { kind: 'text', text: 'petugas' });
    const result = await send('5102', voice());
    expect(result.replies).toEqual([]);
    const ticket = await loket().repos.handoffs.findOpenByChat('telegram', '5102');
    const line = ticket?.transcript.at(-1);
    expect(line?.attachment).toMatchObject({ contentType: 'audio/ogg; codecs=opus', size: OGG.length });
    const stored = await loket().repos.documents.get(line!.attachment!.documentId);
    expect(stored?.bytes.equals(OGG)).toBe(true);
  });

  it('should refuse what is no audio, even when sent as a voice note', async () => {
    await send('5103', { kind: 'text', text: 'petugas' });
    const png = readFileSync(new URL('../fixtures/files/foto-kk.png', import.meta.url));
    await send('5103', voice(png));
    const ticket = await loket().repos.handoffs.findOpenByChat('telegram', '5103');
    const line = ticket?.transcript.at(-1);
    expect(line?.attachment).toBeUndefined();
    expect(line?.text).toContain('berkas ditolak');
  });
});
