import type { IntakeField } from '../../app/officer/intake-form.js';
import type { Application } from '../../domain/application.js';
import { maskNik } from '../../domain/nik.js';
import type { Office } from '../../domain/office.js';
import { csrfField, esc } from './console-html.js';
import type { ConsoleLang } from './console-i18n.js';

/** The assisted-intake pages' words, Indonesian first. */
const WORDS = {
  title: { id: 'Permohonan di loket', en: 'Counter application' },
  choose: {
    id: 'Pilih layanan untuk warga yang datang ke loket. Formulir mengikuti pertanyaan yang sama dengan chat.',
    en: 'Choose the service for the citizen at the counter. The form asks what the chat asks.',
  },
  contact: { id: 'Kabar status untuk warga (opsional)', en: 'Status updates for the citizen (optional)' },
  whatsapp: { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
  telegram: { id: 'ID chat Telegram', en: 'Telegram chat id' },
  contactHint: {
    id: 'Isi salah satu bila warga ingin menerima kabar perkembangan lewat chat.',
    en: 'Fill in one if the citizen wants updates by chat.',
  },
  optional: { id: '(boleh dikosongkan)', en: '(optional)' },
  files: { id: 'berkas', en: 'files' },
  submit: { id: 'Kirim permohonan', en: 'Submit application' },
  reselect: {
    id: 'Periksa isian yang ditandai. Berkas yang sudah dipilih perlu dipilih ulang.',
    en: 'Check the marked fields. Chosen files must be chosen again.',
  },
  slip: { id: 'Tanda terima permohonan', en: 'Application receipt' },
  tracking: { id: 'Nomor pelacakan', en: 'Tracking number' },
  service: { id: 'Layanan', en: 'Service' },
  applicant: { id: 'Pemohon', en: 'Applicant' },
  filed: { id: 'Diajukan', en: 'Filed' },
  due: { id: 'Perkiraan selesai', en: 'Expected by' },
  office: { id: 'Kantor tujuan', en: 'Office' },
  next: { id: 'Apa selanjutnya', en: 'What happens next' },
  nextText: {
    id: 'Petugas memeriksa berkas permohonan ini. Bila ada yang perlu diperbaiki, kami menghubungi Anda.',
    en: 'An officer checks this application. If something needs fixing, we will contact you.',
  },
  check: { id: 'Cek status', en: 'Check the status' },
  checkText: {
    id: 'Kirim pesan "status {tracking}" ke Loket di WhatsApp atau Telegram, atau datang ke kantor dengan membawa tanda terima ini.',
    en: 'Send "status {tracking}" to Loket on WhatsApp or Telegram, or come to the office with this receipt.',
  },
  updatesTo: { id: 'Kabar perkembangan dikirim ke', en: 'Updates go to' },
  print: { id: 'Cetak tanda terima', en: 'Print receipt' },
  another: { id: 'Permohonan baru', en: 'New application' },
  detail: { id: 'Lihat permohonan', en: 'Open application' },
  replay: {
    id: 'Permohonan ini sudah terkirim sebelumnya (tombol kirim ditekan dua kali); tidak dibuat ganda.',
    en: 'This application was already submitted (double submit); no duplicate was made.',
  },
} as const;

/** The intake pages' text for `key`. */
export function w(lang: ConsoleLang, key: keyof typeof WORDS): string {
  return WORDS[key][lang];
}

/** The service list: one link per flow, in menu order. */
export function serviceListBody(lang: ConsoleLang, services: Array<{ id: string; name: string }>): string {
  return `<p>${esc(w(lang, 'choose'))}</p><ul class="intake-services">${services
    .map((s) => `<li><a href="/console/intake/${esc(s.id)}">${esc(s.name)}</a></li>`)
    .join('')}</ul>`;
}

function inputFor(f: IntakeField, value: string, lang: ConsoleLang): string {
  const name = esc(f.stepId);
  const req = f.optional || f.when ? '' : ' required';
  switch (f.kind) {
    case 'choice':
      return `<select name="${name}" id="f-${name}"${req}><option value=""></option>${f.options
        .map(
          (o) =>
            `<option value="${esc(o.value)}"${o.value === value ? ' selected' : ''}>${esc(o.label)}</option>`,
        )
        .join('')}</select>`;
    case 'yes_no':
      return `<span class="choices">${f.options
        .map(
          (o) =>
            `<label class="inline-choice"><input type="radio" name="${name}" value="${esc(o.value)}"${o.value === value ? ' checked' : ''}${req}> ${esc(o.label)}</label>`,
        )
        .join('')}</span>`;
    case 'nik':
      return `<input name="${name}" id="f-${name}" inputmode="numeric" autocomplete="off" maxlength="24" value="${esc(value)}"${req}>`;
    case 'date':
      return `<input type="date" name="${name}" id="f-${name}" value="${esc(value)}"${req}>`;
    case 'phone':
      return `<input type="tel" name="${name}" id="f-${name}" autocomplete="off" value="${esc(value)}"${req}>`;
    case 'number':
      return `<input name="${name}" id="f-${name}" inputmode="decimal" value="${esc(value)}"${req}>`;
    case 'kelurahan':
      return `<input name="${name}" id="f-${name}" list="kelurahan-list" autocomplete="off" value="${esc(value)}"${req}>`;
    case 'document': {
      const multiple = (f.maxFiles ?? 1) > 1 ? ' multiple' : '';
      const mb = Math.round(((f.maxBytes ?? 0) / (1024 * 1024)) * 10) / 10;
      const count =
        (f.maxFiles ?? 1) > 1 ? ` · ${f.minFiles ?? 1}-${f.maxFiles ?? 1} ${w(lang, 'files')}` : '';
      return `<input type="file" name="${name}" id="f-${name}" accept="${esc((f.accept ?? []).join(','))}"${multiple}${req}>
<small>${esc((f.accept ?? []).map((m) => m.split('/')[1]?.toUpperCase() ?? m).join(', '))} · maks. ${esc(mb)} MB${esc(count)}</small>`;
    }
    case 'text':
      return `<input name="${name}" id="f-${name}" maxlength="${f.maxLength ?? 200}" value="${esc(value)}"${req}>`;
  }
}

/** What the intake form shows: the service, its fields, the values entered so far and any errors. */
export interface IntakeFormView {
  serviceId: string;
  serviceName: string;
  fields: IntakeField[];
  nonce: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Kelurahan suggestions for the datalist ("Gambir, Kec. Gambir (31.71.01.1001)"). */
  kelurahan: string[];
}

/** The intake form, generated from the flow: one field per step, conditional ones marked with `data-when`. */
export function intakeFormBody(lang: ConsoleLang, csrf: string, v: IntakeFormView): string {
  const err = (k: string) =>
    v.errors[k] ? `<span class="error" role="alert">${esc(v.errors[k])}</span>` : '';
  const fields = v.fields
    .map((f) => {
      const when = f.when ? ` data-when="${esc(JSON.stringify(f.when))}"` : '';
      const whenText = f.whenText ? `<small class="when">${esc(f.whenText)}</small>` : '';
      const opt = f.optional ? ` <small>${esc(w(lang, 'optional'))}</small>` : '';
      const tag = f.kind === 'yes_no' ? 'fieldset' : 'div';
      const label =
        f.kind === 'yes_no'
          ? `<legend>${esc(f.label)}${opt}</legend>`
          : `<label for="f-${esc(f.stepId)}">${esc(f.label)}${opt}</label>`;
      return `<${tag} class="intake-field${v.errors[f.stepId] ? ' has-error' : ''}" data-step="${esc(f.stepId)}" data-kind="${esc(f.kind)}"${when}>
${label}${whenText}<small class="hint">${esc(f.hint)}</small>
${inputFor(f, v.values[f.stepId] ?? '', lang)}${err(f.stepId)}</${tag}>`;
    })
    .join('\n');
  const flash =
    Object.keys(v.errors).length > 0 ? `<p class="flash error">${esc(w(lang, 'reselect'))}</p>` : '';
  return `${flash}<form method="post" action="/console/intake/${esc(v.serviceId)}" enctype="multipart/form-data" class="card intake-form" id="intake-form">${csrfField(csrf)}
<input type="hidden" name="_nonce" value="${esc(v.nonce)}">${err('nonce')}
${fields}
<fieldset class="intake-contact"><legend>${esc(w(lang, 'contact'))}</legend><small class="hint">${esc(w(lang, 'contactHint'))}</small>
<label for="f-_whatsapp">${esc(w(lang, 'whatsapp'))}</label><input type="tel" name="_whatsapp" id="f-_whatsapp" autocomplete="off" value="${esc(v.values._whatsapp)}">${err('contact.whatsapp')}
<label for="f-_telegram">${esc(w(lang, 'telegram'))}</label><input name="_telegram" id="f-_telegram" inputmode="numeric" autocomplete="off" value="${esc(v.values._telegram)}">${err('contact.telegram')}
</fieldset>
<button type="submit" id="intake-submit">${esc(w(lang, 'submit'))}</button></form>
<datalist id="kelurahan-list">${v.kelurahan.map((k) => `<option value="${esc(k)}">`).join('')}</datalist>`;
}

/** What the receipt shows. */
export interface SlipView {
  application: Application;
  serviceName: string;
  office?: Office;
  /** `<service>.in_person` and the bring-originals line, when the service has them. */
  extraNext: string[];
  dueText: string;
  filedText: string;
  /** Whether the officer may open the application (in their office subtree). */
  canOpen: boolean;
  replay: boolean;
}

function maskContact(chatId: string): string {
  return chatId.length <= 4 ? chatId : `${'•'.repeat(Math.max(0, chatId.length - 4))}${chatId.slice(-4)}`;
}

/** The printable receipt: tracking number large, service, due date, office, what next, how to check. */
export function slipBody(lang: ConsoleLang, v: SlipView): string {
  const a = v.application;
  const contact = a.applicant.contact;
  const check = w(lang, 'checkText').replace('{tracking}', a.trackingNumber);
  return `${v.replay ? `<p class="flash ok no-print">${esc(w(lang, 'replay'))}</p>` : ''}<section class="slip" id="slip">
<p class="slip-title">Loket · ${esc(w(lang, 'slip'))}</p>
<p class="slip-label">${esc(w(lang, 'tracking'))}</p>
<p class="slip-tracking" id="slip-tracking">${esc(a.trackingNumber)}</p>
<dl class="slip-facts">
<dt>${esc(w(lang, 'service'))}</dt><dd>${esc(v.serviceName)}</dd>
<dt>${esc(w(lang, 'applicant'))}</dt><dd>${esc(a.applicant.name)} · NIK ${esc(maskNik(a.applicant.nik))}</dd>
<dt>${esc(w(lang, 'filed'))}</dt><dd>${esc(v.filedText)}</dd>
<dt>${esc(w(lang, 'due'))}</dt><dd><strong>${esc(v.dueText)}</strong></dd>
<dt>${esc(w(lang, 'office'))}</dt><dd>${esc(v.office?.name ?? a.officeId)} (${esc(a.officeId)})</dd>
</dl>
<h2>${esc(w(lang, 'next'))}</h2><p>${esc(w(lang, 'nextText'))}</p>${v.extraNext.map((l) => `<p>${esc(l)}</p>`).join('')}
<h2>${esc(w(lang, 'check'))}</h2><p>${esc(check)}</p>
${contact ? `<p>${esc(w(lang, 'updatesTo'))} ${esc(contact.channel === 'whatsapp' ? 'WhatsApp' : 'Telegram')} ${esc(maskContact(contact.chatId))}.</p>` : ''}
</section>
<p class="no-print slip-actions"><button type="button" id="print-slip">${esc(w(lang, 'print'))}</button>
<a href="/console/intake">${esc(w(lang, 'another'))}</a>${v.canOpen ? ` <a href="/console/applications/${esc(a.id)}">${esc(w(lang, 'detail'))}</a>` : ''}</p>`;
}
