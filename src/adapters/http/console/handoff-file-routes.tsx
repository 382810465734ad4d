import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { attachHandoffFile } from '../../../app/officer/attach-handoff-file.js';
import { OfficerActionError } from '../../../app/officer/errors.js';
import { readHandoffFile, sendHandoffFile, MAX_CAPTION_LENGTH } from '../../../app/officer/handoff-files.js';
import { t } from '../console-i18n.js';
import { langOf } from '../console-render.js';
import { parseInput } from '../http-errors.js';
import { readMultipartForm } from '../multipart.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';
import { sendInline } from '../send-inline.js';
import type { ConsoleContext } from './context.js';
import { answerForm, isLiveForm, undeliveredOutcome } from './live-form.js';

/** Room for the multipart framing and the text fields next to the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const sendFileForm = z.object({
  caption: z.string().max(MAX_CAPTION_LENGTH).optional(),
});

/** `<applicationId>:<stepId>`, one option of the console's picker. */
const attachForm = z.object({
  target: z.string().regex(/^[0-9a-f]{24}:[\w-]{1,64}$/i, 'Pilih permohonan dan dokumennya.'),
});

/**
 * Files in a conversation: opening one (inline, for the transcript's previews), the officer's
 * upload to the citizen, and adding a file to one of the citizen's applications. Registered
 * before the console's CSRF check, because the upload's token is inside its multipart body:
 * each POST here runs the check itself once the body is read.
 */
export function registerHandoffFileRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps, sec } = ctx;
  router.get('/handoffs/:id/files/:docId', async (req, res) => {
    const doc = await readHandoffFile(deps, officerOf(res), idParam(req), idParam(req, 'docId'));
    sendInline(res, doc.meta, doc.bytes);
  });
  const limit = (deps.handoffFiles?.uploadMaxBytes ?? 0) + FORM_OVERHEAD_BYTES;
  router.post(
    '/handoffs/:id/files',
    express.raw({ type: 'multipart/form-data', limit }),
    readMultipartForm,
    sec.csrf,
    async (req, res) => {
      const id = idParam(req);
      const lang = langOf(req);
      await refusalsAsPage(ctx, req, res, id, async () => {
        const form = parseInput(sendFileForm, req.body);
        const file = ((res.locals as { files?: Record<string, UploadedPart[]> }).files?.file ?? [])[0];
        if (!file) {
          throw new OfficerActionError('invalid', 'Isian belum benar (invalid input).', {
            file: lang === 'en' ? 'Choose a file.' : 'Pilih berkas.',
          });
        }
        const settings = deps.handoffFiles;
        if (!settings)
          throw new OfficerActionError('not_found', 'Pengiriman berkas tidak aktif (file sending is off).');
        const r = await sendHandoffFile(
          { ...deps, files: settings },
          officerOf(res),
          id,
          { ...file, ...(form.caption ? { caption: form.caption } : {}) },
          lang,
        );
        answerForm(req, res, undeliveredOutcome(req, r));
      });
    },
  );
  router.post('/handoffs/:id/files/:docId/attach', sec.csrf, async (req, res) => {
    const id = idParam(req);
    await refusalsAsPage(ctx, req, res, id, async () => {
      const form = parseInput(attachForm, req.body);
      const [applicationId = '', stepId = ''] = form.target.split(':');
      const intake = deps.intake;
      if (!intake) throw new OfficerActionError('not_found', 'Katalog layanan tidak tersedia (no catalog).');
      await attachHandoffFile(
        { ...deps, catalog: intake.catalog, uploadMaxBytes: intake.uploadMaxBytes },
        officerOf(res),
        { handoffId: id, documentId: idParam(req, 'docId'), applicationId, stepId, lang: langOf(req) },
      );
      answerForm(req, res, {
        location: `/console/handoffs/${id}?flash=attached`,
        stay: true,
        message: t(langOf(req), 'fileAttached'),
      });
    });
  });
}

/** One file part of the multipart body. */
interface UploadedPart {
  filename: string;
  bytes: Buffer;
}

/**
 * Runs a form's action; a refused input (400) becomes a page naming each bad field, with the way
 * back to the conversation. Other refusals go to the console's error page.
 */
async function refusalsAsPage(
  ctx: ConsoleContext,
  req: Request,
  res: Response,
  id: string,
  action: () => Promise<void>,
): Promise<void> {
  try {
    await action();
  } catch (err) {
    // live.js shows the fields beside the form itself (the console's error handler answers JSON).
    if (!(err instanceof OfficerActionError) || err.code !== 'invalid' || isLiveForm(req)) throw err;
    const lang = langOf(req);
    const fields = Object.entries(err.fields ?? {}).map(([k, v]) => `${k}: ${v}`);
    ctx.render(
      req,
      res,
      t(lang, 'conversation'),
      () => <a href={`/console/handoffs/${id}`}>{t(lang, 'conversation')}</a>,
      { status: 400, flash: { kind: 'error', text: [err.message, ...fields].join(' ') } },
    );
  }
}
