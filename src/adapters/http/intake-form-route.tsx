import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import {
  fileAssistedApplication,
  largestIntakeUpload,
  NONCE_PATTERN,
} from '../../app/officer/assisted-intake.js';
import { OfficerActionError } from '../../app/officer/errors.js';
import { intakeFields, intakeServiceName, type IntakeFile } from '../../app/officer/intake-form.js';
import { langOf } from './console-render.js';
import { intakeContext, intakeDeps, type IntakePageDeps } from './intake-context.js';
import { intakeNotice, ti } from './intake-i18n.js';
import { readMultipartForm } from './multipart.js';
import { officerOf, officerSecurity } from './security.js';
import { IntakeForm } from './views/intake/intake-form.js';

/** Form fields that are not flow steps (step ids never start with `_`). */
const RESERVED = new Set(['_csrf', '_nonce', '_whatsapp', '_telegram']);

/** What the officer sees of one filling-in: its token, the values so far and what is wrong with them. */
interface FormState {
  nonce: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** A fresh form token: the idempotency of one filled-in form. */
function newNonce(): string {
  return randomBytes(12).toString('base64url');
}

/** The service id in the URL ('' when absent: then not found). */
function serviceParam(req: Request): string {
  const v = req.params.service;
  return typeof v === 'string' ? v : '';
}

/** Kelurahan suggestions for the form's datalist, the code in brackets for the server to read back. */
async function kelurahanList({ deps }: IntakePageDeps): Promise<string[]> {
  const all = await deps.offices.all();
  return all
    .filter((o) => o.level === 'kelurahan')
    .map((o) => {
      const entry = deps.intake.catalog.kelurahan.get(o.id);
      return entry ? `${entry.name}, Kec. ${entry.district}, ${entry.city} (${o.id})` : `${o.name} (${o.id})`;
    });
}

/** Draws the form of `serviceId` with `state`: empty at first, the answers and errors after a refusal. */
async function showForm(page: IntakePageDeps, req: Request, res: Response, state: FormState, status = 200) {
  const { deps, render } = page;
  const lang = langOf(req);
  const serviceId = serviceParam(req);
  const flow = deps.intake.catalog.flows.get(serviceId);
  if (!flow) throw new OfficerActionError('not_found', intakeNotice('noService'));
  const ctx = intakeContext(deps, lang);
  const name = intakeServiceName(ctx, flow);
  const view = {
    serviceId,
    serviceName: name,
    fields: intakeFields(ctx, flow),
    kelurahan: await kelurahanList(page),
    ...state,
  };
  render(
    req,
    res,
    `${ti(lang, 'title')}: ${name}`,
    (csrf) => <IntakeForm lang={lang} csrf={csrf} view={view} />,
    {
      status,
    },
  );
}

/** Files the application; on refused answers, the form again with them and its errors (400). */
async function submit(page: IntakePageDeps, req: Request, res: Response) {
  const fields = req.body as Record<string, string>;
  const files = (res.locals as { files?: Record<string, IntakeFile[]> }).files ?? {};
  const answers = Object.fromEntries(Object.entries(fields).filter(([k]) => !RESERVED.has(k)));
  const nonce = fields._nonce ?? '';
  try {
    const result = await fileAssistedApplication(intakeDeps(page.deps), officerOf(res), {
      serviceId: serviceParam(req),
      nonce,
      answers,
      files,
      contact: {
        ...(fields._whatsapp ? { whatsapp: fields._whatsapp } : {}),
        ...(fields._telegram ? { telegram: fields._telegram } : {}),
      },
      lang: langOf(req),
    });
    res.redirect(303, `/console/intake/slip/${result.application.id}${result.created ? '' : '?replay=1'}`);
  } catch (err) {
    if (!(err instanceof OfficerActionError) || err.code !== 'invalid') throw err;
    const state = {
      nonce: NONCE_PATTERN.test(nonce) ? nonce : newNonce(),
      values: fields,
      errors: err.fields ?? {},
    };
    await showForm(page, req, res, state, 400);
  }
}

/**
 * The form of one service at `/console/intake/:service`, generated from its flow, and its
 * submission as multipart (uploads included), answered by the receipt or by the form with errors.
 */
export function intakeFormRoute(router: Router, page: IntakePageDeps): void {
  const sec = officerSecurity(page.deps);
  // Every file of the largest form at its limit, plus room for the text fields.
  const bodyLimit = largestIntakeUpload(page.deps.intake) + 512 * 1024;

  router.get('/:service', async (req, res) => {
    await showForm(page, req, res, { nonce: newNonce(), values: {}, errors: {} });
  });

  router.post(
    '/:service',
    express.raw({ type: 'multipart/form-data', limit: bodyLimit }),
    readMultipartForm,
    sec.csrf,
    (req, res) => submit(page, req, res),
  );
}
