import { STATUSES } from '../domain/application.js';
import type { NikProblem } from './nik-check.js';
import type { DateProblem } from './dates.js';
import { PRIVACY_KEYS } from './privacy-keywords.js';

const NIK_PROBLEMS: readonly NikProblem[] = ['length', 'digits', 'region', 'date', 'serial'];
const DATE_PROBLEMS: readonly DateProblem[] = ['format', 'impossible'];
/** Intents a clarifying menu may offer; each has an `intent_label.<intent>` message. */
export const LABELLED_INTENTS = [
  'list_services',
  'ask_requirements',
  'apply',
  'check_status',
  'ask_cost',
  'ask_duration',
  'office_info',
  'talk_to_officer',
  'complaint',
] as const;

const STATIC_KEYS = [
  'greeting', 'help', 'thanks', 'not_understood', 'cancelled', 'cancelled_plain', 'cancelled_nothing', 'error.reset', 'flow.stopped',
  'flow.expiring', 'flow.resumed', 'flow.expired',
  'hint.nav', 'hint.step', 'step.optional_hint', 'word.yes', 'word.no', 'word.a_service',
  'menu.text', 'menu.status', 'menu.officer', 'menu.stale', 'clarify.text', 'clarify.none',
  'consent.text', 'consent.yes', 'consent.no', 'consent.thanks', 'consent.refused',
  'offer.text', 'offer.yes', 'offer.no',
  'officer_offer.text', 'officer_offer.yes', 'officer_offer.no', 'officer_offer.hint',
  'info.which_service', 'info.requirements', 'info.fee_free', 'info.fee_free_no_basis', 'info.fee_levy',
  'info.fee_amount', 'info.duration', 'info.office_hours',
  'complaint.sorry', 'complaint.free', 'complaint.free_no_basis', 'complaint.free_general', 'complaint.official_fee',
  'complaint.report',
  'handoff.connecting', 'handoff.connecting_priority', 'handoff.already', 'handoff.queued', 'handoff.open_now',
  'handoff.still_waiting', 'handoff.busy_open', 'handoff.still_waiting_keep',
  'handoff.closed_until', 'handoff.closed', 'handoff.relay_note', 'handoff.officer_joined', 'handoff.officer_message',
  'handoff.closed_by_officer', 'handoff.ended', 'handoff.handed_back', 'handoff.cancelled', 'handoff.still_connected', 'handoff.help',
  'handoff.file_refused',
  'lang.switched', 'kelurahan.entry', 'kelurahan.chosen', 'kelurahan.several', 'kelurahan.confirm',
  'kelurahan.confirm_yes', 'kelurahan.confirm_no', 'kelurahan.again', 'kelurahan.many',
  'kelurahan.title_kelurahan', 'kelurahan.title_desa',
  'document.how_many', 'document.received', 'document.received_single', 'document.more_needed',
  'document.more_or_done', 'document.unexpected',
  'invalid.choice', 'invalid.yes_no', 'invalid.text.empty', 'invalid.text.too_long', 'invalid.number.integer',
  'invalid.number.any', 'invalid.phone', 'invalid.kelurahan.none',
  'invalid.kelurahan.elsewhere', 'invalid.kelurahan.elsewhere_many', 'invalid.document.type', 'invalid.document.size',
  'invalid.document.empty', 'invalid.document.damaged', 'invalid.document.active_content',
  'invalid.document.min', 'invalid.document.expected',
  'summary.title', 'summary.instructions', 'summary.confirm_option', 'summary.edit_option', 'summary.files',
  'summary.skipped',
  'submit.done', 'submit.next', 'submit.bring_originals', 'submit.hint', 'submit.failed', 'submit.waiting',
  'submit.routed_up',
  'status.one', 'status.late', 'status.agency_task', 'status.agency_waiting', 'status.agency_late', 'status.agency_answered', 'status.late_short', 'status.note', 'status.many', 'status.item', 'status.many_hint',
  'status.did_you_mean', 'status.not_found', 'status.none',
  'status.proof_ask', 'status.proof_menu', 'status.proof_wrong', 'status.proof_unreadable', 'status.proof_limited',
  'revision.requested', 'revision.sending', 'revision.saved', 'revision.unknown',
  'handoff.none_available',
  'survey.question', 'survey.score_1', 'survey.score_2', 'survey.score_3', 'survey.score_4',
  'survey.comment_ask', 'survey.skip', 'survey.thanks',
  'confirm.cancel', 'confirm.cancel_yes', 'confirm.complaint', 'confirm.complaint_yes', 'confirm.officer',
  'confirm.officer_yes', 'confirm.no', 'confirm.kept', 'restore.option', 'restore.done', 'restore.expired',
  'voice.unsupported',
] as const; // prettier-ignore

/**
 * Every message key the engine itself says (locales/<lang>.engine.yaml), for the catalog check:
 * a missing or misspelt engine message fails start-up instead of showing a raw key to a citizen.
 * Keys built at run time (per status, per NIK problem, per intent) are listed in full.
 */
export const ENGINE_MESSAGE_KEYS: readonly string[] = [
  ...STATIC_KEYS,
  ...PRIVACY_KEYS,
  ...LABELLED_INTENTS.map((i) => `intent_label.${i}`),
  ...STATUSES.map((s) => `status.names.${s}`),
  ...NIK_PROBLEMS.map((p) => `invalid.nik.${p}`),
  ...DATE_PROBLEMS.map((p) => `invalid.date.${p}`),
];
