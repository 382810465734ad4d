import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import {
  createCannedReply,
  deleteCannedReply,
  listOfficeCannedReplies,
  updateCannedReply,
} from '../../../app/officer/canned-replies.js';
import { OfficerActionError } from '../../../app/officer/errors.js';
import { langOf, type RenderOptions } from '../console-render.js';
import { tc, type ContextWord } from '../context-i18n.js';
import { requireRolePage } from '../dashboard-router.js';
import { parseInput, statusOf } from '../http-errors.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';
import { CannedRepliesView } from '../views/canned-replies.js';
import type { ConsoleContext } from './context.js';

/** A canned reply's text: said to citizens as is, so not empty and not a letter. */
const cannedTextSchema = z.object({ text: z.string().trim().min(1).max(1000) });

const DONE: Readonly<Record<string, ContextWord>> = {
  added: 'added',
  saved: 'savedReply',
  deleted: 'deleted',
};

/**
 * `/canned-replies`: supervisors and admins keep their office's canned replies (add, edit,
 * delete; each audited by the use cases in canned-replies.ts). Officers get 403.
 */
export function registerCannedReplyRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps, render } = ctx;
  const show = async (
    req: Request,
    res: Response,
    opts: RenderOptions & { typed?: string; errors?: Record<string, string> } = {},
  ) => {
    const lang = langOf(req);
    const list = await listOfficeCannedReplies(deps, officerOf(res));
    const { typed, errors, ...rest } = opts;
    render(
      req,
      res,
      tc(lang, 'cannedTitle'),
      (csrf) => <CannedRepliesView lang={lang} csrf={csrf} list={list} typed={typed} errors={errors} />,
      rest,
    );
  };
  /** A refused text re-renders the page with the reason, status 400. */
  const refused = async (req: Request, res: Response, err: unknown, typed?: string) => {
    if (!(err instanceof OfficerActionError) || err.code !== 'invalid') throw err;
    const flash = { kind: 'error' as const, text: err.message };
    await show(req, res, {
      status: statusOf(err.code),
      flash,
      errors: err.fields ?? {},
      ...(typed !== undefined ? { typed } : {}),
    });
  };
  const typedText = (req: Request) => {
    const v = (req.body as Record<string, unknown> | undefined)?.text;
    return typeof v === 'string' ? v : '';
  };

  router.use('/canned-replies', requireRolePage('supervisor', 'admin'));
  router.get('/canned-replies', async (req, res) => {
    const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
    await show(req, res, done ? { flash: { kind: 'ok', text: tc(langOf(req), done) } } : {});
  });
  router.post('/canned-replies', async (req, res) => {
    try {
      const { text } = parseInput(cannedTextSchema, req.body);
      await createCannedReply(deps, officerOf(res), text);
      res.redirect(303, '/console/canned-replies?done=added');
    } catch (err) {
      await refused(req, res, err, typedText(req));
    }
  });
  router.post('/canned-replies/:id', async (req, res) => {
    const id = idParam(req);
    try {
      const { text } = parseInput(cannedTextSchema, req.body);
      await updateCannedReply(deps, officerOf(res), id, text);
      res.redirect(303, '/console/canned-replies?done=saved');
    } catch (err) {
      await refused(req, res, err);
    }
  });
  router.post('/canned-replies/:id/delete', async (req, res) => {
    await deleteCannedReply(deps, officerOf(res), idParam(req));
    res.redirect(303, '/console/canned-replies?done=deleted');
  });
}
