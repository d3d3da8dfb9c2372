import type { ErrorCode } from './error-table.js';

/** One invalid field of a request, named by its path (`slot_id`, `qualification_name[1]`). @category Errors */
export interface FieldErrorBody {
  field: string;
  message: string;
}

/**
 * The body of every error answer: a stable `code`, a `message` about this occurrence, a
 * `description` of what the code means, and for validation failures the fields at fault.
 * @category Errors
 */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  description: string;
  errors?: FieldErrorBody[];
  /** Present on 500 answers: the id to find the details in the log. */
  request_id?: string;
}
