import { DomainError, isDomainError, parseInput, type FieldError } from '@doctorly/core';
import type { z } from 'zod';
import type { EndpointDeclaration } from './declaration.js';

/** The parsed inputs of a request, before they are typed by their endpoint. */
export interface ParsedParts {
  readonly params: unknown;
  readonly query: unknown;
  readonly headers: unknown;
  readonly body: unknown;
}

/**
 * Parses the parts of a request the endpoint declares schemas for (parts it does not declare
 * stay `undefined` and are not read). Every invalid field of every part is named in one
 * `VALIDATION_FAILED`, with core's paths (`qualification_name[1]`) and message, as the use
 * cases themselves would answer. An image body is the host's checked image, passed as is.
 */
export function parseRequestParts(
  declaration: EndpointDeclaration,
  raw: { params: unknown; query: unknown; headers: unknown; body: unknown },
): ParsedParts {
  const fieldErrors: FieldError[] = [];
  const part = (schema: z.ZodType | undefined, value: unknown): unknown => {
    if (schema === undefined) return undefined;
    try {
      return parseInput(schema, value);
    } catch (error) {
      if (!isDomainError(error, 'VALIDATION_FAILED')) throw error;
      fieldErrors.push(...error.fieldErrors);
      return undefined;
    }
  };
  const { body } = declaration;
  const parsed: ParsedParts = {
    params: part(declaration.params, raw.params),
    query: part(declaration.query, raw.query),
    headers: part(declaration.headers, raw.headers),
    body:
      body?.kind === 'json'
        ? part(body.schema, raw.body)
        : body?.kind === 'image'
          ? raw.body
          : undefined,
  };
  if (fieldErrors.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'The input is not valid.', fieldErrors);
  return parsed;
}
