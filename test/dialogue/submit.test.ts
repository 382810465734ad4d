import { describe, expect, it } from '@jest/globals';
import { Chat } from './fixture.js';

describe('onSubmitted', () => {
  it('should give the tracking number, the due date and the next steps, in English too', () => {
    const chat = new Chat({ lang: 'en' });
    chat.command('start');
    chat.press('service:pbg');
    chat.press('apply:pbg');
    chat.press('consent:yes');
    chat.say('Budi');
    chat.say('120,5');
    expect(chat.state.flow?.draft.answers['luas']).toBe(120.5);
    chat.press('confirm');
    chat.event({ kind: 'submitted', trackingNumber: 'PTSP-2501-7KQ3M', dueAt: '2025-02-24T01:00:00.000Z' });
    expect(chat.text).toContain('Tracking number: *PTSP-2501-7KQ3M*');
    expect(chat.text).toContain('24 February 2025');
    expect(chat.text).toContain('original documents');
    expect(chat.text).not.toContain('Biometric');
    expect(chat.state.flow).toBeUndefined();
  });

  it('should tell the citizen when their office does not offer the service and it went up', () => {
    const chat = new Chat();
    chat.command('start');
    chat.press('service:pbg');
    chat.press('apply:pbg');
    chat.press('consent:yes');
    chat.say('Budi');
    chat.say('120');
    chat.press('confirm');
    chat.event({
      kind: 'submitted',
      trackingNumber: 'PTSP-2501-7KQ3M',
      dueAt: '2025-02-24T01:00:00.000Z',
      routedFrom: 'Cideng',
      routedTo: 'Kecamatan Gambir',
    });
    expect(chat.text).toContain('tidak tersedia di kantor Cideng');
    expect(chat.text).toContain('diteruskan ke kantor Kecamatan Gambir');
    expect(chat.text).toContain('PTSP-2501-7KQ3M');
  });
});
