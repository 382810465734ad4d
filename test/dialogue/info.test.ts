import { describe, expect, it } from '@jest/globals';
import { Chat, startKtp } from './fixture.js';

const nlu = {
  'syarat ktp apa': { intent: 'ask_requirements', service: 'ktp', confidence: 0.9 },
  'syaratnya apa': { intent: 'ask_requirements', confidence: 0.9 },
  'berapa lama sktm': { intent: 'ask_duration', service: 'sktm', confidence: 0.9 },
  'biaya pbg': { intent: 'ask_cost', service: 'pbg', confidence: 0.9 },
  'kantor buka jam berapa': { intent: 'office_info', confidence: 0.9 },
  ajukan: { intent: 'apply', confidence: 0.9 },
};

describe('answerInfo', () => {
  it('should list requirements and the in-person step, then offer to apply', () => {
    const chat = new Chat({ nlu });
    chat.say('syarat ktp apa');
    expect(chat.text).toContain('• Kartu Keluarga');
    expect(chat.text).toContain('Perekaman biometrik');
    expect(chat.options).toEqual(['apply:ktp', 'resume']);
    chat.say('ya');
    expect(chat.at_).toBe('consent');
  });

  it('should take "ajukan" under the offer as yes, not ask which service again', () => {
    const chat = new Chat({ nlu });
    chat.say('berapa lama sktm');
    chat.say('ajukan');
    expect(chat.at_).toBe('consent');
    expect(chat.state.flow?.draft.serviceId).toBe('sktm');
  });

  it('should ask which service when none was named, then answer that question', () => {
    const chat = new Chat({ nlu });
    chat.say('syaratnya apa');
    expect(chat.options).toEqual([
      'intent:ask_requirements:ktp',
      'intent:ask_requirements:sktm',
      'intent:ask_requirements:pbg',
    ]);
    chat.say('2');
    expect(chat.text).toContain('Syarat Surat Keterangan Tidak Mampu');
  });

  it('should give the SLA in working days and the levy with its note', () => {
    const chat = new Chat({ nlu });
    chat.say('berapa lama sktm');
    expect(chat.text).toContain('paling lama 3 hari kerja');
    chat.say('biaya pbg');
    expect(chat.text).toContain('retribusi sesuai Peraturan Daerah');
    expect(chat.text).toContain('dihitung dari luas bangunan');
  });

  it('should give office hours, and during a flow return to the open step', () => {
    const chat = new Chat({ nlu });
    startKtp(chat);
    chat.say('kantor buka jam berapa');
    expect(chat.text).toContain('Senin–Jumat');
    expect(chat.text).toContain('Jenis permohonan KTP?');
    expect(chat.at_).toBe('jenis');
  });
});
