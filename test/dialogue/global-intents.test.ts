import { describe, expect, it } from '@jest/globals';
import { Chat, startKtp } from './fixture.js';

describe('global intents', () => {
  it('should show the numbered service menu on a greeting', () => {
    const chat = new Chat({ nlu: { halo: { intent: 'greeting', confidence: 0.95 } } });
    chat.say('halo');
    expect(chat.text).toContain('Saya *Loket*');
    expect(chat.options).toEqual(['service:ktp', 'service:sktm', 'service:pbg', 'status', 'officer']);
    expect(chat.last.replies.at(-1)).toMatchObject({
      kind: 'menu',
      options: [{ label: 'KTP-el' }, { label: 'Surat Keterangan Tidak Mampu' }, { label: 'PBG' }, {}, {}],
    });
  });

  it('should cancel from inside a step, discard uploads and show the menu', () => {
    const chat = new Chat();
    startKtp(chat);
    chat.say('baru');
    chat.say('batal');
    expect(chat.state.flow).toBeUndefined();
    expect(chat.text).toContain('permohonan dibatalkan');
    expect(chat.last.replies.at(-1)?.kind).toBe('menu');
  });

  it('should check status from inside a step and then ask the step again', () => {
    const chat = new Chat({
      nlu: { 'status permohonan saya gimana': { intent: 'check_status', confidence: 0.9 } },
    });
    startKtp(chat);
    chat.say('baru');
    chat.say('Budi Santoso');
    chat.say('status permohonan saya gimana');
    expect(chat.last.effects).toEqual([{ kind: 'lookup_status' }]);
    chat.event({
      kind: 'status_found',
      applications: [
        {
          trackingNumber: 'PTSP-2412-AAAAA',
          serviceId: 'sktm',
          status: 'IN_REVIEW',
          lastChangeAt: '2025-01-10T02:00:00Z',
          dueAt: '2025-01-13T09:00:00Z',
          late: true,
        },
      ],
    });
    expect(chat.text).toContain('Sedang diperiksa petugas');
    expect(chat.text).toContain('terlambat');
    expect(chat.text).toContain('Berapa NIK Anda');
    expect(chat.at_).toBe('nik');
  });

  it('should try a text as the answer first: "2" at a choice step is an answer', () => {
    const chat = new Chat({ nlu: { '2': { intent: 'check_status', confidence: 0.99 } } });
    startKtp(chat);
    chat.say('2');
    expect(chat.state.flow?.draft.answers['jenis']).toBe('hilang');
    expect(chat.last.effects).toEqual([]);
  });

  it('should let a confident global intent through when the text is no valid answer', () => {
    const chat = new Chat({
      nlu: { 'mau ngomong sama orang': { intent: 'talk_to_officer', confidence: 0.9 } },
    });
    startKtp(chat);
    chat.say('baru');
    chat.say('Budi Santoso');
    chat.say('mau ngomong sama orang');
    expect(chat.effectsOf('open_handoff')).toMatchObject([{ reason: 'asked', priority: false }]);
    expect(chat.state.mode).toBe('handoff');
  });

  it('should treat an unsure reading inside a step as a wrong answer', () => {
    const chat = new Chat({
      nlu: { 'gimana status saya': { intent: 'check_status', confidence: 0.55 } },
    });
    startKtp(chat);
    chat.say('baru');
    chat.say('Budi Santoso');
    chat.say('gimana status saya');
    expect(chat.text).toContain('NIK hanya berisi angka');
    expect(chat.last.effects).toEqual([]);
  });

  it('should offer an officer after two messages in a row it did not understand', () => {
    const chat = new Chat();
    chat.command('start');
    chat.say('asdf qwer zxcv');
    expect(chat.text).toContain('belum mengerti');
    expect(chat.state.misunderstood).toBe(1);
    chat.say('lorem ipsum dolor');
    expect(chat.options).toEqual(['officer', 'resume']);
    chat.say('ya');
    expect(chat.effectsOf('open_handoff')).toMatchObject([{ reason: 'not_understood' }]);
  });

  it('should offer an officer inside a step after two refused answers, with reason not_understood', () => {
    const chat = new Chat();
    startKtp(chat);
    chat.say('baru');
    chat.say('Budi Santoso');
    chat.say('tidak tahu');
    chat.say('lupa');
    expect(chat.text).toContain('Ketik *petugas*');
    chat.say('petugas');
    expect(chat.effectsOf('open_handoff')).toMatchObject([{ reason: 'not_understood', priority: false }]);
    expect(chat.effectsOf('open_handoff')[0]?.history.at(-1)).toMatchObject({
      from: 'citizen',
      text: 'petugas',
    });
  });

  it('should reset the misunderstanding count after an understood message', () => {
    const chat = new Chat({
      nlu: { 'syarat ktp': { intent: 'ask_requirements', service: 'ktp', confidence: 0.9 } },
    });
    chat.command('start');
    chat.say('asdf qwer zxcv');
    chat.say('syarat ktp');
    expect(chat.state.misunderstood).toBe(0);
  });

  it('should ask a clarifying question with the top candidates when unsure', () => {
    const chat = new Chat({
      nlu: {
        'ktp gmn ya': {
          intent: 'ask_requirements',
          service: 'ktp',
          confidence: 0.35,
          candidates: [
            { intent: 'ask_requirements', service: 'ktp', confidence: 0.35 },
            { intent: 'apply', service: 'ktp', confidence: 0.3 },
            { intent: 'out_of_scope', service: null, confidence: 0.2 },
          ],
        },
      },
    });
    chat.say('ktp gmn ya');
    expect(chat.options).toEqual(['intent:ask_requirements:ktp', 'intent:apply:ktp', 'menu']);
    expect(chat.text).toContain('Maksud Anda yang mana?');
    chat.say('2');
    expect(chat.at_).toBe('consent');
  });

  it('should treat a typed tracking number as a status check', () => {
    const chat = new Chat({
      nlu: {
        'ptsp 2501 7kq3m': {
          intent: 'out_of_scope',
          confidence: 0.2,
          entities: { trackingNumber: 'PTSP-2501-7KQ3M' },
        },
      },
    });
    chat.say('ptsp 2501 7kq3m');
    expect(chat.last.effects).toEqual([{ kind: 'lookup_status', trackingNumber: 'PTSP-2501-7KQ3M' }]);
  });

  it('should say a stale menu number is no longer valid and show the current menu', () => {
    const chat = new Chat();
    chat.command('start');
    chat.say('9');
    expect(chat.text).toContain('sudah tidak berlaku');
    expect(chat.options[0]).toBe('service:ktp');
    const fresh = new Chat();
    fresh.say('2');
    expect(fresh.text).toContain('sudah tidak berlaku');
  });

  it('should refuse an old button that belongs to another menu', () => {
    const chat = new Chat();
    chat.command('start');
    chat.press('service:ktp');
    chat.press('apply:sktm');
    expect(chat.text).toContain('sudah tidak berlaku');
    expect(chat.state.flow).toBeUndefined();
  });

  it('should show help and then the open step', () => {
    const chat = new Chat();
    startKtp(chat);
    chat.say('bantuan');
    expect(chat.text).toContain('Cara memakai Loket');
    expect(chat.text).toContain('Jenis permohonan KTP?');
  });
});
