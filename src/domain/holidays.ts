/**
 * Default national holidays (libur nasional) and collective leave days (cuti bersama) when the
 * offices are closed. 2026 follows SKB 3 Menteri 1497/2/5 of 2025; 2027 lives in
 * holidays-2027.ts, whose lunar dates and cuti bersama are marked tentative until checked
 * against its SKB. HOLIDAYS and the admins' own holidays in the console add to these.
 */
import type { Holiday } from './holiday.js';
import { HOLIDAYS_2027 } from './holidays-2027.js';

export type { Holiday } from './holiday.js';

const national = (date: string, name: string): Holiday => ({ date, name, kind: 'libur_nasional' });
const leave = (date: string, name: string): Holiday => ({ date, name, kind: 'cuti_bersama' });

/** The shipped defaults for 2026 and 2027; see the file comment. */
export const DEFAULT_HOLIDAYS: readonly Holiday[] = [
  national('2026-01-01', 'Tahun Baru 2026 Masehi'),
  national('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  leave('2026-02-16', 'Cuti bersama Tahun Baru Imlek'),
  national('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  leave('2026-03-18', 'Cuti bersama Hari Suci Nyepi'),
  national('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  leave('2026-03-20', 'Cuti bersama Idul Fitri'),
  national('2026-03-21', 'Idul Fitri 1447 H'),
  national('2026-03-22', 'Idul Fitri 1447 H'),
  leave('2026-03-23', 'Cuti bersama Idul Fitri'),
  leave('2026-03-24', 'Cuti bersama Idul Fitri'),
  national('2026-04-03', 'Wafat Yesus Kristus'),
  national('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  national('2026-05-01', 'Hari Buruh Internasional'),
  national('2026-05-14', 'Kenaikan Yesus Kristus'),
  leave('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
  national('2026-05-27', 'Idul Adha 1447 H'),
  leave('2026-05-28', 'Cuti bersama Idul Adha'),
  national('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  national('2026-06-01', 'Hari Lahir Pancasila'),
  national('2026-06-16', 'Tahun Baru Islam 1448 H'),
  national('2026-08-17', 'Proklamasi Kemerdekaan RI'),
  national('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  leave('2026-12-24', 'Cuti bersama Hari Raya Natal'),
  national('2026-12-25', 'Hari Raya Natal'),
  ...HOLIDAYS_2027,
];

/** The dates alone, the shape `addWorkingDays` and the HOLIDAYS setting use. */
export const DEFAULT_HOLIDAY_DATES: readonly string[] = DEFAULT_HOLIDAYS.map((h) => h.date);
