import { describe, expect, it } from '@jest/globals';
import type { CitizenRecord } from '../../scripts/chaos/citizen.js';
import { citizenData } from '../../scripts/chaos/script.js';
import { checkChat, goldenOf } from '../../scripts/chaos/transcript.js';

/** A chat where turn i was answered by `replies[i]` (each a list of texts). */
function chat(index: number, replies: string[][]): CitizenRecord {
  const data = citizenData(index);
  const record: CitizenRecord = {
    index,
    channel: 'telegram',
    chatId: String(index),
    data,
    sent: [],
    replies: [],
  };
  replies.forEach((texts, turn) => {
    record.sent.push({ turn, repliesBefore: record.replies.length, at: 0 });
    record.replies.push(...texts);
  });
  return record;
}

const GOLDEN_TEXTS = (name: string) => [
  ['Apakah Anda setuju?'],
  [`Terima kasih ${name}. NIK Anda?`, 'Nomor HP?'],
  ['Nomor pelacakan PTSP-2612-ABCDE'],
];

describe('checkChat', () => {
  const golden = goldenOf(chat(9000, GOLDEN_TEXTS(citizenData(9000).name)));
  const clean = () => GOLDEN_TEXTS(citizenData(1).name);

  it('should find nothing wrong in the same conversation with other names and numbers', () => {
    const r = chat(1, clean());
    r.replies[3] = 'Nomor pelacakan PTSP-2612-ZZZZ9';
    expect(checkChat(r, golden)).toEqual({
      sent: 3,
      answered: 3,
      lost: 0,
      duplicated: 0,
      outOfOrder: 0,
      replies: 4,
    });
  });

  it('should leave trouble notices and status notices out of the conversation', () => {
    const turns = clean();
    turns[1]!.unshift('Maaf, pesan Anda belum berhasil kami proses karena gangguan sebentar.');
    turns[2]!.push('Pembaruan permohonan PTSP-2612-ABCDE:\nStatus: Selesai.');
    expect(checkChat(chat(1, turns), golden)).toMatchObject({ lost: 0, duplicated: 0, outOfOrder: 0 });
  });

  it('should count a reply that never came as lost, and a message with no reply as unanswered', () => {
    const turns = clean();
    turns[1] = [];
    expect(checkChat(chat(1, turns), golden)).toMatchObject({ answered: 2, lost: 2, outOfOrder: 0 });
  });

  it('should count a reply sent twice as duplicated', () => {
    const turns = clean();
    turns[0]!.push(turns[0]![0]!);
    expect(checkChat(chat(1, turns), golden)).toMatchObject({ lost: 0, duplicated: 1, outOfOrder: 0 });
  });

  it('should count replies that came after a later one, and replies of no turn, as out of order', () => {
    const turns = clean();
    turns[1]!.reverse();
    expect(checkChat(chat(1, turns), golden)).toMatchObject({ lost: 0, outOfOrder: 1 });
    const strange = clean();
    strange[2]!.push('Maksud Anda layanan apa?');
    expect(checkChat(chat(1, strange), golden)).toMatchObject({ outOfOrder: 1 });
  });

  it('should expect only the replies of the turns the citizen got to', () => {
    const r = chat(1, clean().slice(0, 2));
    expect(checkChat(r, golden)).toMatchObject({ sent: 2, answered: 2, lost: 0, replies: 3 });
  });
});
