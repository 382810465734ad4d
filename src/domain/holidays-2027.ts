/**
 * The 2027 national holidays (hari libur nasional) and collective leave days (cuti bersama).
 *
 * Source: Surat Keputusan Bersama (SKB) Menteri Agama, Menteri Ketenagakerjaan dan Menteri
 * Pendayagunaan Aparatur Negara dan Reformasi Birokrasi tentang Hari Libur Nasional dan Cuti
 * Bersama Tahun 2027. The SKB number is not written here until a maintainer has checked the
 * list against the signed decree (docs/offices.md says how).
 *
 * Rule of this file: a date fixed by law (Tahun Baru, Hari Buruh, Hari Lahir Pancasila,
 * Proklamasi, Natal) or by the Gregorian Easter computation (Wafat and Kebangkitan Yesus
 * Kristus, Kenaikan Yesus Kristus) is certain. A date from a lunar or lunisolar calendar (Hijri,
 * Imlek, Saka, Waisak) is an astronomical estimate, and every cuti bersama is a government choice:
 * those carry `tentative: true` and "(perkiraan)" in their name until checked against the SKB.
 */
import type { Holiday } from './holiday.js';

const national = (date: string, name: string, tentative = false): Holiday => ({
  date,
  name,
  kind: 'libur_nasional',
  ...(tentative ? { tentative: true } : {}),
});
const leave = (date: string, name: string): Holiday => ({
  date,
  name,
  kind: 'cuti_bersama',
  tentative: true,
});
const estimate = (date: string, name: string): Holiday => national(date, `${name} (perkiraan)`, true);

/** The 2027 list; see the file comment for which dates are certain. */
export const HOLIDAYS_2027: readonly Holiday[] = [
  national('2027-01-01', 'Tahun Baru 2027 Masehi'),
  estimate('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW'),
  estimate('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'),
  estimate('2027-03-08', 'Hari Suci Nyepi (Tahun Baru Saka 1949)'),
  leave('2027-03-09', 'Cuti bersama Idul Fitri (perkiraan)'),
  estimate('2027-03-10', 'Idul Fitri 1448 H'),
  estimate('2027-03-11', 'Idul Fitri 1448 H'),
  leave('2027-03-12', 'Cuti bersama Idul Fitri (perkiraan)'),
  leave('2027-03-15', 'Cuti bersama Idul Fitri (perkiraan)'),
  national('2027-03-26', 'Wafat Yesus Kristus'),
  national('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
  national('2027-05-01', 'Hari Buruh Internasional'),
  national('2027-05-06', 'Kenaikan Yesus Kristus'),
  leave('2027-05-07', 'Cuti bersama Kenaikan Yesus Kristus (perkiraan)'),
  estimate('2027-05-17', 'Idul Adha 1448 H'),
  estimate('2027-05-20', 'Hari Raya Waisak 2571 BE'),
  national('2027-06-01', 'Hari Lahir Pancasila'),
  estimate('2027-06-06', 'Tahun Baru Islam 1449 H'),
  estimate('2027-08-15', 'Maulid Nabi Muhammad SAW'),
  national('2027-08-17', 'Proklamasi Kemerdekaan RI'),
  leave('2027-12-24', 'Cuti bersama Hari Raya Natal (perkiraan)'),
  national('2027-12-25', 'Hari Raya Natal'),
];
