import { describe, expect, it } from '@jest/globals';
import { Chat, startKtp } from './fixture.js';

const TICKET = '65f0000000000000000000e1';

/** A citizen an officer served and has just closed the conversation with. */
function closed(nlu: ConstructorParameters<typeof Chat>[0] = {}): Chat {
  const chat = new Chat(nlu);
  chat.command('start');
  chat.say('petugas');
  chat.event({ kind: 'handoff_opened', position: 1, officeOpenNow: true, availableOfficers: 1 });
  chat.event({ kind: 'officer_joined', officerName: 'Budi' });
  chat.event({ kind: 'handoff_closed', byOfficer: true, ticketId: TICKET });
  return chat;
}

describe('satisfaction survey after an officer closes the conversation', () => {
  it('should ask one SKM question as a numbered 1-4 menu, in Indonesian first', () => {
    const chat = closed();
    expect(chat.state.mode).toBe('bot');
    expect(chat.text).toContain('Percakapan dengan petugas sudah selesai');
    expect(chat.text).toContain('Balas dengan angka 1–4');
    expect(chat.last.replies.at(-1)).toMatchObject({
      kind: 'menu',
      options: [
        { value: 'survey:1', label: 'Tidak puas' },
        { value: 'survey:2', label: 'Kurang puas' },
        { value: 'survey:3', label: 'Puas' },
        { value: 'survey:4', label: 'Sangat puas' },
      ],
    });
    expect(chat.state.survey).toEqual({ ticketId: TICKET, stage: 'score' });
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['no 3', 3],
    ['4', 4],
    ['Sangat puas', 4],
    ['tidak baik', 1],
    ['kurang', 2],
    ['baik', 3],
  ] as const)('should take "%s" as the score %i and offer an optional comment', (typed, score) => {
    const chat = closed();
    chat.say(typed);
    expect(chat.last.effects).toEqual([{ kind: 'record_satisfaction', ticketId: TICKET, score }]);
    expect(chat.text).toContain('Ada saran atau komentar');
    expect(chat.options).toEqual(['survey:skip']);
    expect(chat.state.survey).toEqual({ ticketId: TICKET, stage: 'comment', score });
  });

  it('should take a pressed button, then a comment with long digit runs masked, then resume', () => {
    const chat = closed();
    chat.press('survey:4');
    expect(chat.effectsOf('record_satisfaction')).toEqual([
      { kind: 'record_satisfaction', ticketId: TICKET, score: 4 },
    ]);
    chat.say('Petugasnya ramah, NIK saya 3174091708900001 cepat dibantu');
    expect(chat.last.effects).toEqual([
      {
        kind: 'record_satisfaction',
        ticketId: TICKET,
        score: 4,
        comment: 'Petugasnya ramah, NIK saya ************0001 cepat dibantu',
      },
    ]);
    expect(chat.text).toContain('Terima kasih, masukan Anda');
    expect(chat.state.survey).toBeUndefined();
    // Back to the main menu: the next number picks from it.
    expect(chat.state.menu?.id).toBe('main');
  });

  it('should let the citizen skip the comment by button, word or number', () => {
    for (const answer of [
      (c: Chat) => c.press('survey:skip'),
      (c: Chat) => c.say('lewati'),
      (c: Chat) => c.say('1'),
    ]) {
      const chat = closed();
      chat.say('3');
      answer(chat);
      expect(chat.last.effects).toEqual([]);
      expect(chat.text).toContain('Terima kasih, masukan Anda');
      expect(chat.state.survey).toBeUndefined();
    }
  });

  it('should drop the survey and answer a service question normally', () => {
    const chat = closed({
      nlu: { 'syarat ktp apa saja': { intent: 'ask_requirements', confidence: 0.9, service: 'ktp' } },
    });
    chat.say('syarat ktp apa saja');
    expect(chat.effectsOf('record_satisfaction')).toEqual([]);
    expect(chat.state.survey).toBeUndefined();
    expect(chat.text).toMatch(/KTP/);
    expect(chat.text).not.toContain('Balas dengan angka 1–4');
  });

  it('should drop the survey for a command, a menu keyword or an old main-menu button', () => {
    const menu = closed();
    menu.say('menu');
    expect(menu.state.survey).toBeUndefined();
    expect(menu.state.menu?.id).toBe('main');
    expect(menu.last.effects).toEqual([]);

    const officer = closed();
    officer.say('petugas');
    expect(officer.effectsOf('open_handoff')).toHaveLength(1);
    expect(officer.state.survey).toBeUndefined();

    const status = closed();
    status.press('status');
    expect(status.state.survey).toBeUndefined();
    expect(status.effectsOf('record_satisfaction')).toEqual([]);
  });

  it('should drop the comment question for a question that moves on, keeping the score', () => {
    const chat = closed({
      nlu: { 'berapa lama kk jadi': { intent: 'ask_duration', confidence: 0.9, service: 'ktp' } },
    });
    chat.say('2');
    chat.say('berapa lama kk jadi');
    expect(chat.effectsOf('record_satisfaction')).toEqual([]);
    expect(chat.state.survey).toBeUndefined();
  });

  it('should not ask when the officer closed a conversation nobody served, or it ended otherwise', () => {
    const chat = new Chat();
    chat.command('start');
    chat.say('petugas');
    chat.event({ kind: 'handoff_closed', byOfficer: true });
    expect(chat.state.survey).toBeUndefined();
    expect(chat.state.menu?.id).toBe('main');
    chat.say('petugas');
    chat.event({ kind: 'handoff_closed', byOfficer: false, ticketId: TICKET });
    expect(chat.state.survey).toBeUndefined();
  });

  it('should resume an application in progress once the survey is answered', () => {
    const chat = new Chat();
    startKtp(chat);
    const step = chat.at_;
    chat.say('petugas');
    chat.event({ kind: 'handoff_closed', byOfficer: true, ticketId: TICKET });
    chat.say('4');
    chat.press('survey:skip');
    expect(chat.at_).toBe(step);
    expect(chat.state.flow).toBeDefined();
  });

  it('should ask in English for an English-speaking citizen', () => {
    const chat = new Chat({ lang: 'en' });
    chat.command('start');
    chat.say('petugas');
    chat.event({ kind: 'handoff_closed', byOfficer: true, ticketId: TICKET });
    expect(chat.text).toContain('Reply with a number 1–4');
    chat.say('very satisfied');
    expect(chat.effectsOf('record_satisfaction')).toEqual([
      { kind: 'record_satisfaction', ticketId: TICKET, score: 4 },
    ]);
  });

  it('should forget a damaged stored survey rather than record nonsense', () => {
    const chat = closed();
    chat.state = { ...chat.state, survey: { ticketId: TICKET, stage: 'comment', score: 9 } as never };
    chat.say('Bagus sekali');
    expect(chat.effectsOf('record_satisfaction')).toEqual([]);
    expect(chat.state.survey).toBeUndefined();
  });
});
