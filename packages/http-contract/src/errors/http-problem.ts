import type { FieldError } from '@doctorly/core';
import type { HostErrorCode } from './error-table.js';

/**
 * A failure a host detects itself (unknown route, wrong content type, body too large …),
 * thrown inside middleware and answered like a domain error.
 * @category Errors
 */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';

  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** Extra response headers (Allow for 405). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
