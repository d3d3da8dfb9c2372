import {
  HttpProblem,
  errorAnswer,
  internalProblem,
  problemOf,
  type HostErrorCode,
  type Problem,
} from '@doctorly/http-contract';
import type { Context, Middleware } from 'koa';
import { drainRequest } from '../http/drain-request.js';
import type { ServerState } from '../http/state.js';

/**
 * Turns every failure below it into the contract's error answer (status from its table, the
 * one error body, the challenge of a 401): domain errors, the host's own problems,
 * body-parser errors (413, 415, malformed JSON), unknown routes (404) and methods (405).
 * Anything else is a bug: 500 with the request id, the details only in the log.
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
  if (ctx.status === 404)
    throw new HttpProblem('ROUTE_NOT_FOUND', `No endpoint ${ctx.method} ${ctx.path}.`);
  if (ctx.status === 405 || ctx.status === 501) {
    const allow = ctx.response.get('Allow');
    throw new HttpProblem(
      'METHOD_NOT_ALLOWED',
      `${ctx.path} does not accept ${ctx.method}.`,
      [],
      allow ? { Allow: allow } : {},
    );
  }
}

function answer(ctx: Context & { state: ServerState }, error: unknown): void {
  const problem = problemOf(error) ?? parserProblem(error);
  if (!problem) ctx.state.log.error({ err: error }, 'unexpected error');
  const answered = errorAnswer(problem ?? internalProblem, {
    requestId: ctx.state.requestId,
    ...(ctx.state.authScheme === undefined ? {} : { authScheme: ctx.state.authScheme }),
    tokenPresented: ctx.state.token !== undefined,
  });
  // Headers set by the handler (caching, paging) describe a success that did not happen.
  for (const header of ['Cache-Control', 'X-Total-Count', 'Location', 'Content-Disposition'])
    ctx.remove(header);
  ctx.status = answered.status;
  ctx.set(answered.headers);
  ctx.body = answered.body;
}

const parserProblems = {
  tooLarge: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  unsupported: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request body has an unsupported encoding or charset.',
  },
  malformed: { code: 'MALFORMED_BODY', message: 'The request body could not be parsed.' },
} as const satisfies Record<string, Problem & { code: HostErrorCode }>;

/** Errors of co-body/raw-body (`type`, `status`) and formidable (`httpCode`). */
function parserProblem(error: unknown): Problem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, httpCode, status } = error as {
    type?: unknown;
    httpCode?: unknown;
    status?: unknown;
  };
  if (type === 'entity.too.large' || httpCode === 413 || status === 413)
    return parserProblems.tooLarge;
  if (type === 'encoding.unsupported' || type === 'charset.unsupported' || status === 415)
    return parserProblems.unsupported;
  if (
    type === 'entity.parse.failed' ||
    type === 'request.size.invalid' ||
    type === 'request.aborted'
  )
    return parserProblems.malformed;
  if (typeof httpCode === 'number' && httpCode >= 400 && httpCode < 500)
    return parserProblems.malformed;
  // co-body's JSON syntax errors reach us re-wrapped by koa-body: a plain error with status 400.
  if (typeof status === 'number' && status >= 400 && status < 500) return parserProblems.malformed;
  return undefined;
}
