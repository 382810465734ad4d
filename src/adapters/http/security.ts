import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import session from 'express-session';
import { authenticateApiToken, type ApiTokenRefusal } from '../../app/officer/api-tokens.js';
import type { OfficerActor } from '../../app/officer/officer-actor.js';
import type { OfficerRole } from '../../ports/officer-repository.js';
import { sendError } from './http-errors.js';
import { SharedLimitStore, TOKEN_REFUSALS } from './login-limit-store.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';

declare module 'express-session' {
  interface SessionData {
    officerId?: string;
    lang?: 'id' | 'en';
    /** Set on the login page so the pre-login session (and its CSRF token) survives to the POST. */
    visited?: boolean;
  }
}

/** How a request proved who it is: bearer requests carry no ambient cookie, so need no CSRF token. */
export type AuthVia = 'session' | 'token';

/** The middleware both routers share, built once per deps so the API and console agree on cookies. */
export interface OfficerSecurity {
  /** cookie-parser + express-session. */
  session: RequestHandler[];
  /** Finds the officer by bearer token or session; sets it on `res.locals`; never refuses. */
  identify: RequestHandler;
  /** Refuses state changes without a valid CSRF token (session requests only). */
  csrf: RequestHandler;
  csrfToken: (req: Request, res: Response) => string;
  isCsrfError: (err: unknown) => boolean;
  loginLimiter: RequestHandler;
}

/** What identification leaves on `res.locals`. */
interface Locals {
  officer?: OfficerActor;
  via?: AuthVia;
  /** Why a bearer token was refused, for the 401. */
  tokenRefusal?: ApiTokenRefusal;
}

const cache = new WeakMap<OfficerHttpDeps, OfficerSecurity>();

/** The officer a middleware identified, if any. */
export function currentOfficer(res: Response): OfficerActor | undefined {
  return (res.locals as { officer?: OfficerActor }).officer;
}

/** How the current officer authenticated. */
export function authVia(res: Response): AuthVia | undefined {
  return (res.locals as { via?: AuthVia }).via;
}

/** The identified officer; only call behind `requireOfficer`. */
export function officerOf(res: Response): OfficerActor {
  const officer = currentOfficer(res);
  if (!officer) throw new Error('officerOf called on an unauthenticated request');
  return officer;
}

/** Builds (once per deps) the session, CSRF, identification and login-limit middleware. */
export function officerSecurity(deps: OfficerHttpDeps): OfficerSecurity {
  const cached = cache.get(deps);
  if (cached) return cached;
  const { generateCsrfToken, doubleCsrfProtection, invalidCsrfTokenError } = doubleCsrf({
    getSecret: () => deps.csrfSecret,
    getSessionIdentifier: (req) => req.session?.id ?? '',
    // `__Host-` cookies need HTTPS; plain HTTP (development, tests) uses a plain name.
    cookieName: deps.secureCookies ? '__Host-loket.csrf' : 'loket.csrf',
    cookieOptions: { sameSite: 'lax', secure: deps.secureCookies, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const header = req.headers['x-csrf-token'];
      if (typeof header === 'string') return header;
      const body = req.body as { _csrf?: unknown } | undefined;
      return typeof body?._csrf === 'string' ? body._csrf : undefined;
    },
    skipCsrfProtection: (req) => (req.res?.locals as { via?: AuthVia } | undefined)?.via === 'token',
  });
  const sessionMiddleware = session({
    name: 'loket.sid',
    secret: deps.sessionSecret,
    store: deps.sessionStore,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies ? true : 'auto',
      maxAge: deps.sessionTtlMs,
    },
  });
  const identify: RequestHandler = (req, res, next) => {
    void (async () => {
      const locals = res.locals as Locals;
      const auth = req.headers.authorization;
      if (auth?.startsWith('Bearer ')) {
        const check = await authenticateApiToken(deps, auth.slice(7).trim());
        if (check.ok) {
          locals.officer = actor(check.officer);
          locals.via = 'token';
        } else locals.tokenRefusal = check.reason;
        return;
      }
      const id = req.session?.officerId;
      if (!id) return;
      const officer = await deps.officers.findById(id);
      if (officer?.active) {
        locals.officer = actor(officer);
        locals.via = 'session';
      }
    })().then(() => next(), next);
  };
  const security: OfficerSecurity = {
    session: [cookieParser(), sessionMiddleware],
    identify,
    csrf: doubleCsrfProtection,
    csrfToken: (req, res) => generateCsrfToken(req, res),
    isCsrfError: (err) => err === invalidCsrfTokenError,
    loginLimiter: rateLimit({
      windowMs: 15 * 60_000,
      limit: deps.loginRateLimit,
      ...(deps.rateLimits ? { store: new SharedLimitStore(deps.rateLimits, deps.now, 'login:') } : {}),
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) =>
        sendError(
          res,
          429,
          'rate_limited',
          'Terlalu banyak percobaan masuk; tunggu 15 menit (too many attempts).',
        ),
    }),
  };
  cache.set(deps, security);
  return security;
}

function actor(o: OfficerActor): OfficerActor {
  return {
    id: o.id,
    username: o.username,
    displayName: o.displayName,
    role: o.role,
    officeId: o.officeId,
    ...(o.agencyId ? { agencyId: o.agencyId } : {}),
  };
}

/** 401 for API requests without a session or a valid token; a refused token is told why. */
export function requireOfficer(req: Request, res: Response, next: NextFunction): void {
  if (currentOfficer(res)) return next();
  const refusal = (res.locals as Locals).tokenRefusal;
  if (refusal) return sendError(res, 401, `token_${refusal}`, TOKEN_REFUSALS[refusal]);
  sendError(res, 401, 'unauthorized', 'Silakan masuk terlebih dahulu (login required).');
}

/** 403 unless the officer has one of `roles`. */
export function requireRole(...roles: OfficerRole[]): RequestHandler {
  return (_req, res, next) => {
    const officer = currentOfficer(res);
    if (officer && roles.includes(officer.role)) return next();
    sendError(res, 403, 'forbidden', 'Anda tidak berwenang untuk tindakan ini (not allowed for your role).');
  };
}

/**
 * 403 for an agency account on any route not in `allowed` (matched against `METHOD /path` of
 * the router): such an account works only on what was forwarded to its agency. Applied before
 * the routes, so a new route is closed to agency accounts until it is listed.
 */
export function confineAgencyAccounts(allowed: readonly RegExp[]): RequestHandler {
  return (req, res, next) => {
    if (currentOfficer(res)?.role !== 'agency') return next();
    const call = `${req.method === 'HEAD' ? 'GET' : req.method} ${req.path.replace(/\/+$/, '') || '/'}`;
    if (allowed.some((r) => r.test(call))) return next();
    sendError(
      res,
      403,
      'forbidden',
      'Akun instansi hanya melihat permohonan yang diteruskan ke instansinya (agency account).',
    );
  };
}
