import { useLoket } from '../support/loket.js';
import { describe, expect, it } from '@jest/globals';
import { forwardApplication, recordAgencyAnswer } from '../../src/app/officer/agency-steps.js';
import type { OfficerActor } from '../../src/app/officer/officer-actor.js';
import { loadTranscripts, play, transcriptSchema, type Transcript } from './transcript.js';

/** Jakarta wall-clock time. */
const wib = (local: string) => new Date(`${local}+07:00`);
const USER = 'agency-status';

describe("the citizen's status check while a dinas has the application", () => {
  const loket = useLoket('agency_status');

  it('should name the agency and the wait after a forward, in both languages, and the answer after it', async () => {
    const filing = (await loadTranscripts()).find((t) => t.file === 'pbg.yaml')!.transcript;
    let turns = 0;
    const at = async (start: Date, given: unknown) => {
      const t: Transcript = transcriptSchema.parse(given);
      await play(loket(), USER, t, start, turns);
      turns += t.turns.length;
    };
    // Monday 23 November 2026, 09:00 WIB: filed, checked before any forward.
    await at(wib('2026-11-23T09:00'), filing);
    await at(wib('2026-11-23T10:00'), {
      name: 'before the forward',
      turns: [{ say: 'cek status', expect: ['PBG'], expect_not: ['Dinas Cipta Karya', 'hari kerja)'] }],
    });

    const [app] = await loket().repos.applications.listByContact({ channel: 'terminal', chatId: USER });
    const officer: OfficerActor = {
      id: 'o-budi',
      username: 'budi',
      displayName: 'Budi',
      role: 'officer',
      officeId: app!.officeId,
    };
    const noticeText = async (key: string) => {
      const row = await loket().repos.outbox.get(key);
      return row?.reply?.kind === 'text' ? row.reply.text : undefined;
    };
    const deps = (now: Date) => ({
      ...loket().repos,
      catalog: loket().catalog,
      holidays: loket().runtime.holidays,
      now: () => now,
    });
    await forwardApplication(deps(wib('2026-11-23T11:00')), officer, {
      applicationId: app!.id,
      agencyId: 'dinas_pupr',
      note: 'Mohon pemeriksaan teknis gambar bangunan',
    });
    // One short message tells the citizen where it went and the usual wait, once, in Indonesian.
    expect(await noticeText(`agency-forward:${app!.id}:0`)).toBe(
      [
        `Permohonan ${app!.trackingNumber} diteruskan ke Dinas Cipta Karya untuk pemeriksaan teknis; biasanya 5 hari kerja.`,
        'Target selesai permohonan Anda tidak berubah. Ketik "status" untuk melihat perkembangannya.',
      ].join('\n'),
    );
    // Wednesday: day 3 of the step's 5 working days.
    await at(wib('2026-11-25T10:00'), {
      name: 'after the forward',
      turns: [
        {
          say: 'cek status',
          expect: [
            'Menunggu pemeriksaan teknis di Dinas Cipta Karya sejak Senin, 23 November 2026 (3 dari 5 hari kerja)',
          ],
          expect_not: ['Mohon pemeriksaan teknis gambar'],
        },
        { say: 'english please', expect: ['English'] },
        {
          say: 'status',
          expect: [
            'Waiting for the technical review at Dinas Cipta Karya since Monday, 23 November 2026 (working day 3 of 5)',
          ],
        },
        { say: 'bahasa indonesia', expect: ['Bahasa Indonesia'] },
      ],
    });

    await recordAgencyAnswer(deps(wib('2026-11-26T09:00')), officer, {
      applicationId: app!.id,
      outcome: 'done',
      note: 'Memenuhi syarat teknis',
    });
    await at(wib('2026-11-26T10:00'), {
      name: 'after the answer',
      turns: [
        {
          say: 'cek status',
          expect: ['Dinas Cipta Karya sudah memberi jawaban pada 26 November 2026'],
          expect_not: ['Menunggu pemeriksaan'],
        },
      ],
    });
    // An admin renames the agency in the console: the citizen reads the new name.
    const stored = await loket().repos.agencyStore.get('dinas_pupr');
    expect(stored).toBeDefined();
    await loket().repos.agencyStore.save({ ...stored!, shortName: 'Dinas CKTRP' });
    await at(wib('2026-11-26T11:00'), {
      name: 'after a rename',
      turns: [{ say: 'cek status', expect: ['Dinas CKTRP sudah memberi jawaban'] }],
    });
    // A citizen who switched to English hears the next forward in English.
    await at(wib('2026-11-26T12:00'), {
      name: 'in English',
      turns: [{ say: 'english please', expect: ['English'] }],
    });
    await forwardApplication(deps(wib('2026-11-26T13:00')), officer, {
      applicationId: app!.id,
      agencyId: 'dpmptsp',
      note: 'Mohon terbitkan izin',
    });
    expect(await noticeText(`agency-forward:${app!.id}:1`)).toContain(
      `Application ${app!.trackingNumber} has been forwarded to DPMPTSP for issuing of the permit; this usually takes`,
    );
    expect(turns).toBeGreaterThan(filing.turns.length);
  });
});
