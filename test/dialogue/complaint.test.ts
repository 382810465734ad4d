import { describe, expect, it } from '@jest/globals';
import { Chat, startKtp } from './fixture.js';

const money = { 'petugasnya minta uang 100 ribu': { intent: 'complaint', service: 'ktp', confidence: 0.92 } };

describe('complain', () => {
  it('should open a priority handoff and say the service is free with its legal basis', () => {
    const chat = new Chat({ nlu: money });
    chat.say('petugasnya minta uang 100 ribu');
    expect(chat.effectsOf('open_handoff')).toMatchObject([{ reason: 'complaint', priority: true }]);
    expect(chat.text).toContain('KTP-el *GRATIS* (UU 24/2013 Pasal 79A)');
    expect(chat.text).toContain('lapor.go.id');
    expect(chat.state.mode).toBe('handoff');
  });

  it('should not take a complaint as the answer to a free-text step', () => {
    const chat = new Chat({ nlu: money });
    startKtp(chat);
    chat.say('baru');
    chat.say('petugasnya minta uang 100 ribu');
    expect(chat.state.flow?.draft.answers['nama']).toBeUndefined();
    expect(chat.effectsOf('open_handoff')).toMatchObject([{ reason: 'complaint', priority: true }]);
  });

  it('should escalate a complaint made while already talking to an officer', () => {
    const chat = new Chat({ nlu: money });
    chat.say('petugas');
    chat.say('petugasnya minta uang 100 ribu');
    expect(chat.effectsOf('open_handoff')).toMatchObject([{ reason: 'complaint', priority: true }]);
    expect(chat.effectsOf('relay_to_officer')).toEqual([]);
  });

  it('should name the general rule when no service is known, and the levy where there is one', () => {
    const general = new Chat({ nlu: { 'dimintai pungli': { intent: 'complaint', confidence: 0.9 } } });
    general.say('dimintai pungli');
    expect(general.text).toContain('UU 24/2013 Pasal 79A');
    const levy = new Chat({
      nlu: { 'pbg kok bayar lagi': { intent: 'complaint', service: 'pbg', confidence: 0.9 } },
    });
    levy.say('pbg kok bayar lagi');
    expect(levy.text).toContain('retribusi');
    expect(levy.text).not.toContain('GRATIS');
  });
});
