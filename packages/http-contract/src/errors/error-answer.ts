import { isDomainError, type FieldError } from '@doctorly/core';
import type { AuthScheme } from '../endpoint/declaration.js';
import type { ErrorBody } from './error-body.js';
import { mappingOf, type ErrorCode } from './error-table.js';
import { HttpProblem } from './http-problem.js';

/** An expected failure, whoever detected it: a domain rule, the contract's parsing or the host. @category Errors */
export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fieldErrors?: readonly FieldError[];
  /** Extra response headers (`Allow` for 405, `Retry-After` for 429). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the host knows of the request that failed, for the answer's details. @category Errors */
export interface ErrorContext {
  /** Quoted in the body of a 5xx answer, to find the details in the log. */
  readonly requestId?: string;
  /** The scheme of the matched endpoint: a 401 challenges with it. */
  readonly authScheme?: AuthScheme;
  /** Whether a bearer token was presented (then a 401 says `error="invalid_token"`, RFC 6750 §3.1). */
  readonly tokenPresented?: boolean;
}

/** An error answer: status, headers to set and the error body. @category Errors */
export interface ErrorAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorBody;
}

/** The answer to anything that is not an expected failure: a bug. @category Errors */
export const internalProblem: Problem = {
  code: 'INTERNAL',
  message: 'Something went wrong on our side.',
};

/**
 * The expected failure an error stands for: a `DomainError` (with `Retry-After` when rate
 * limited) or an {@link HttpProblem}; `undefined` for anything else, which is a bug.
 * @category Errors
 */
export function problemOf(error: unknown): Problem | undefined {
  if (isDomainError(error)) {
    const headers =
      error.code === 'RATE_LIMITED' ? { 'Retry-After': String(retryAfterOf(error)) } : {};
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors, headers };
  }
  if (error instanceof HttpProblem) {
    return {
      code: error.code,
      message: error.message,
      fieldErrors: error.fieldErrors,
      headers: error.headers,
    };
  }
  return undefined;
}

/**
 * The answer to a problem, the same from every host: the status from the error table, the
 * error body, `Cache-Control: no-store`, the problem's own headers and, on a 401, the
 * challenge of the expected scheme (RFC 6750 / RFC 7617).
 * @category Errors
 */
export function errorAnswer(problem: Problem, context: ErrorContext = {}): ErrorAnswer {
  const { status, description } = mappingOf(problem.code);
  const body: ErrorBody = { code: problem.code, message: problem.message, description };
  const fieldErrors = problem.fieldErrors ?? [];
  if (fieldErrors.length > 0)
    body.errors = fieldErrors.map((f) => ({ field: f.path, message: f.message }));
  if (status >= 500 && context.requestId !== undefined) body.request_id = context.requestId;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...problem.headers };
  if (status === 401) headers['WWW-Authenticate'] = challengeOf(problem.code, context);
  return { status, headers, body };
}

const basicChallenge = 'Basic realm="doctorly", charset="UTF-8"';
const bearerChallenge = 'Bearer realm="doctorly"';

function challengeOf(code: ErrorCode, context: ErrorContext): string {
  if (code === 'INVALID_CREDENTIALS' || context.authScheme === 'basic') return basicChallenge;
  return context.tokenPresented ? `${bearerChallenge}, error="invalid_token"` : bearerChallenge;
}

/**
 * Seconds a rate-limited client should wait: the error's `retryAfterSeconds` when it has
 * one, else the figure its message gives ("try again in 840 s"), else a minute.
 */
function retryAfterOf(error: Error): number {
  const given = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  const seconds =
    typeof given === 'number' ? given : Number(/(\d+)\s*s\b/.exec(error.message)?.[1] ?? 60);
  return Math.max(1, Math.ceil(seconds));
}
