import { describe, expect, it } from '@jest/globals';
import type { StatusView } from '../../src/dialogue/types.js';
import { Chat } from './fixture.js';

const view = (partial: Partial<StatusView>): StatusView => ({
  trackingNumber: 'PTSP-2501-7KQ3M',
  serviceId: 'ktp',
  status: 'SUBMITTED',
  lastChangeAt: '2025-01-10T02:00:00.000Z',
  dueAt: '2025-01-30T09:00:00.000Z',
  late: false,
  ...partial,
});

describe('status answers', () => {
  it('should answer one application in plain words with dates', () => {
    const chat = new Chat();
    chat.command('status');
    expect(chat.last.effects).toEqual([{ kind: 'lookup_status' }]);
    chat.event({
      kind: 'status_found',
      applications: [view({ status: 'READY_FOR_PICKUP', note: 'Bawa KK asli' })],
    });
    expect(chat.text).toContain('Siap diambil di kantor');
    expect(chat.text).toContain('Perubahan terakhir: 10 Januari 2025');
    expect(chat.text).toContain('Target selesai: 30 Januari 2025');
    expect(chat.text).toContain('Catatan petugas: Bawa KK asli');
    expect(chat.text).not.toContain('terlambat');
    expect(chat.text).toContain('Ketik *menu*');
  });

  it('should list several applications and mark the late ones', () => {
    const chat = new Chat({ lang: 'en' });
    chat.event({
      kind: 'status_found',
      applications: [
        view({}),
        view({ trackingNumber: 'PTSP-2412-AAAAA', serviceId: 'sktm', status: 'IN_REVIEW', late: true }),
      ],
    });
    expect(chat.text).toContain('You have 2 applications');
    expect(chat.text).toContain(
      'PTSP-2412-AAAAA (Certificate of low income (SKTM)): Being checked by an officer',
    );
    expect(chat.text.match(/late/g)).toHaveLength(1);
  });

  it('should ask "did you mean" for a near tracking number and look it up on yes', () => {
    const chat = new Chat();
    chat.event({ kind: 'status_not_found', query: 'PTSP-2501-7KQ3N', suggestion: 'PTSP-2501-7KQ3M' });
    expect(chat.text).toContain('Maksud Anda *PTSP-2501-7KQ3M*?');
    chat.say('ya');
    expect(chat.last.effects).toEqual([{ kind: 'lookup_status', trackingNumber: 'PTSP-2501-7KQ3M' }]);
  });

  it('should explain how to find a number when the chat has no applications', () => {
    const chat = new Chat();
    chat.event({ kind: 'status_not_found' });
    expect(chat.text).toContain('Belum ada permohonan');
  });
});
