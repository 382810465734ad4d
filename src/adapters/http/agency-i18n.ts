import { wordsOf } from './words.js';

/** The console's words for agency steps (forward, answer, history, the dashboard's table). */
export const ta = wordsOf({
  agencies: { id: 'Instansi (dinas)', en: 'Agencies' },
  waiting: {
    id: 'Menunggu {agency}, hari ke-{day} dari {of} hari kerja',
    en: 'Waiting for {agency}, working day {day} of {of}',
  },
  overSla: { id: 'melewati SLA instansi', en: 'past the agency SLA' },
  dueNotMoved: {
    id: 'Target selesai permohonan tidak bergeser selama menunggu instansi (keputusan 0013).',
    en: 'The application due date does not move while an agency has it (decision 0013).',
  },
  forward: { id: 'Teruskan ke instansi', en: 'Forward to an agency' },
  agency: { id: 'Instansi', en: 'Agency' },
  request: { id: 'Yang diminta dari instansi', en: 'What is asked of the agency' },
  recordAnswer: { id: 'Catat jawaban instansi', en: "Record the agency's answer" },
  outcome: { id: 'Jawaban', en: 'Outcome' },
  outcome_done: { id: 'Selesai / disetujui', en: 'Done' },
  outcome_needs_more: { id: 'Perlu kelengkapan', en: 'Needs more' },
  outcome_refused: { id: 'Ditolak instansi', en: 'Refused' },
  answerNote: { id: 'Catatan jawaban', en: 'Answer note' },
  forwardedAt: { id: 'Diteruskan', en: 'Forwarded' },
  slaDue: { id: 'Batas SLA instansi', en: 'Agency SLA due' },
  answeredAt: { id: 'Dijawab', en: 'Answered' },
  none: { id: 'Belum pernah diteruskan ke instansi lain.', en: 'Never forwarded to another agency.' },
  forwarded: { id: 'Diteruskan', en: 'Forwarded' },
  medianDays: { id: 'Median hari kerja sampai dijawab', en: 'Median working days to answer' },
  overShare: { id: 'Porsi lewat SLA', en: 'Share over SLA' },
  longestWait: { id: 'Tunggu terlama sekarang (hari kerja)', en: 'Longest wait now (working days)' },
  openNow: { id: 'Masih menunggu', en: 'Waiting now' },
  inbox: { id: 'Diteruskan ke instansi Anda', en: 'Forwarded to your agency' },
  inboxEmpty: {
    id: 'Tidak ada permohonan yang menunggu instansi Anda.',
    en: 'Nothing waits on your agency.',
  },
  application: { id: 'Permohonan', en: 'Application' },
  workingDay: { id: 'Hari kerja', en: 'Working day' },
  answer: { id: 'Jawab', en: 'Answer' },
  dayOf: { id: 'hari ke-{day} dari {of} hari kerja', en: 'working day {day} of {of}' },
});
