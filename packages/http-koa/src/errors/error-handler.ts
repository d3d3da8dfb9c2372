import { isDomainError, type FieldError } from '@doctorly/core';
import type { Context, Middleware } from 'koa';
import { drainRequest } from '../http/drain-request.js';
import type { ServerState } from '../http/state.js';
import type { ErrorBody } from './error-body.js';
import { mappingOf, type ErrorCode, type HostErrorCode } from './error-table.js';
import { HttpProblem } from './http-problem.js';

/** What an error becomes on the wire. */
interface Answer {
  code: ErrorCode;
  message: string;
  fieldErrors: readonly FieldError[];
  headers: Readonly<Record<string, string>>;
}

/** The challenge of a 401, per the scheme the route expects (RFC 6750 / RFC 7617). */
const basicChallenge = 'Basic realm="doctorly", charset="UTF-8"';
const bearerChallenge = 'Bearer realm="doctorly"';

/**
 * Turns every failure below it into the one error body with the mapped status: domain
 * errors through the typed table, the host's own problems, body-parser errors (413, 415,
 * malformed JSON), unknown routes (404) and methods (405). Anything else is a bug: 500 with
 * the request id, the details only in the log.
 */
export function errorHandler(): Middleware<ServerState> {
  return async (ctx, next) => {
    try {
      await next();
      unansweredToProblem(ctx);
    } catch (error) {
      answer(ctx, error);
      // Refused part-way through its body: read the rest, or say the connection ends here.
      if (!(await drainRequest(ctx.req, unreadBodyLimits))) ctx.set('Connection', 'close');
    }
  };
}

/** What is read and thrown away of a refused request body at most; beyond it the connection closes. */
const unreadBodyLimits = { maxBytes: 1024 * 1024, maxMs: 1_000 } as const;

/** Nothing below answered: an unknown route, or a known path with another method. */
function unansweredToProblem(ctx: Context): void {
  if (ctx.body !== undefined && ctx.body !== null) return;
  if (ctx.status === 404) throw new HttpProblem('ROUTE_NOT_FOUND', `No endpoint ${ctx.method} ${ctx.path}.`);
  if (ctx.status === 405 || ctx.status === 501) {
    const allow = ctx.response.get('Allow');
    throw new HttpProblem('METHOD_NOT_ALLOWED', `${ctx.path} does not accept ${ctx.method}.`, [], allow ? { Allow: allow } : {});
  }
}

function answer(ctx: Context & { state: ServerState }, error: unknown): void {
  const known = classify(error);
  const answered: Answer = known ?? {
    code: 'INTERNAL',
    message: 'Something went wrong on our side.',
    fieldErrors: [],
    headers: {},
  };
  if (!known) ctx.state.log.error({ err: error }, 'unexpected error');
  const { status, description } = mappingOf(answered.code);
  const body: ErrorBody = { code: answered.code, message: answered.message, description };
  if (answered.fieldErrors.length > 0) {
    body.errors = answered.fieldErrors.map((f) => ({ field: f.path, message: f.message }));
  }
  if (status >= 500) body.request_id = ctx.state.requestId;
  // Headers set by the handler (caching, paging) describe a success that did not happen.
  for (const header of ['Cache-Control', 'X-Total-Count', 'Location', 'Content-Disposition']) ctx.remove(header);
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(answered.headers)) ctx.set(name, value);
  if (status === 401) ctx.set('WWW-Authenticate', challengeOf(ctx, answered.code));
  ctx.body = body;
}

function challengeOf(ctx: Context & { state: ServerState }, code: ErrorCode): string {
  if (code === 'INVALID_CREDENTIALS' || ctx.state.authScheme === 'basic') return basicChallenge;
  // RFC 6750 §3.1: a token was presented but is not valid.
  return ctx.state.token === undefined ? bearerChallenge : `${bearerChallenge}, error="invalid_token"`;
}

/**
 * Seconds a rate-limited client should wait: the error's `retryAfterSeconds` when it has
 * one, else the figure its message gives ("try again in 840 s"), else a minute.
 */
function retryAfterOf(error: Error): number {
  const given = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  const seconds = typeof given === 'number' ? given : Number(/(\d+)\s*s\b/.exec(error.message)?.[1] ?? 60);
  return Math.max(1, Math.ceil(seconds));
}

/** The answer for an expected failure, or `undefined` for a bug. */
function classify(error: unknown): Answer | undefined {
  if (isDomainError(error)) {
    const headers: Record<string, string> = {};
    if (error.code === 'RATE_LIMITED') headers['Retry-After'] = String(retryAfterOf(error));
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors, headers };
  }
  if (error instanceof HttpProblem) {
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors, headers: error.headers };
  }
  const parser = parserProblem(error);
  return parser ? { ...parser, fieldErrors: [], headers: {} } : undefined;
}

type ParserProblem = { code: HostErrorCode; message: string };

const tooLarge: ParserProblem = { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
const unsupported: ParserProblem = { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body has an unsupported encoding or charset.' };
const malformed: ParserProblem = { code: 'MALFORMED_BODY', message: 'The request body could not be parsed.' };

/** Errors of co-body/raw-body (`type`, `status`) and formidable (`httpCode`). */
function parserProblem(error: unknown): ParserProblem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, httpCode, status } = error as { type?: unknown; httpCode?: unknown; status?: unknown };
  if (type === 'entity.too.large' || httpCode === 413 || status === 413) return tooLarge;
  if (type === 'encoding.unsupported' || type === 'charset.unsupported' || status === 415) return unsupported;
  if (type === 'entity.parse.failed' || type === 'request.size.invalid' || type === 'request.aborted') return malformed;
  if (typeof httpCode === 'number' && httpCode >= 400 && httpCode < 500) return malformed;
  // co-body's JSON syntax errors reach us re-wrapped by koa-body: a plain error with status 400.
  if (typeof status === 'number' && status >= 400 && status < 500) return malformed;
  return undefined;
}
