import { DomainError, domainErrorCodes } from '@doctorly/core';
import { describe, expect, it } from 'vitest';
import { errorAnswer, internalProblem, problemOf } from './error-answer.js';
import { domainErrorTable, hostErrorTable } from './error-table.js';
import { HttpProblem } from './http-problem.js';

const answerOf = (error: unknown, context = {}) =>
  errorAnswer(problemOf(error) ?? internalProblem, context);

describe('the error table', () => {
  it('maps every domain code to a 4xx or 503, and only *_NOT_FOUND codes to 404', () => {
    for (const code of domainErrorCodes) {
      const { status } = domainErrorTable[code];
      expect(status === 503 || (status >= 400 && status < 500), code).toBe(true);
      if (status === 404) expect(code).toMatch(/_NOT_FOUND$/);
    }
  });

  it('answers a wrong sitting date 400 and an unavailable backend 503', () => {
    expect(answerOf(new DomainError('NOT_A_SITTING_DATE', 'Wednesday only.')).status).toBe(400);
    expect(answerOf(new DomainError('UNAVAILABLE', 'PostgreSQL is down.')).status).toBe(503);
  });
});

describe('errorAnswer', () => {
  it('names the invalid fields of a validation failure', () => {
    const error = new DomainError('VALIDATION_FAILED', 'The input is not valid.', [
      { path: 'slot_id', message: 'Required' },
    ]);
    expect(answerOf(error).body).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The input is not valid.',
      description: domainErrorTable.VALIDATION_FAILED.description,
      errors: [{ field: 'slot_id', message: 'Required' }],
    });
  });

  it('never caches an error answer', () => {
    expect(answerOf(new DomainError('SITTING_FULL', 'Full.')).headers['Cache-Control']).toBe(
      'no-store',
    );
  });

  it('quotes the request id in a 5xx body only', () => {
    expect(answerOf(new Error('bug'), { requestId: 'r1' }).body).toMatchObject({
      code: 'INTERNAL',
      request_id: 'r1',
    });
    expect(
      answerOf(new DomainError('SITTING_FULL', 'Full.'), { requestId: 'r1' }).body,
    ).not.toHaveProperty('request_id');
  });

  it('challenges a 401 with the scheme the endpoint expects', () => {
    const unauthenticated = new DomainError('UNAUTHENTICATED', 'No token.');
    expect(answerOf(unauthenticated, { authScheme: 'bearer' }).headers['WWW-Authenticate']).toBe(
      'Bearer realm="doctorly"',
    );
    expect(
      answerOf(unauthenticated, { authScheme: 'bearer', tokenPresented: true }).headers[
        'WWW-Authenticate'
      ],
    ).toBe('Bearer realm="doctorly", error="invalid_token"');
    expect(
      answerOf(new DomainError('INVALID_CREDENTIALS', 'Wrong.')).headers['WWW-Authenticate'],
    ).toMatch(/^Basic /);
  });

  it('tells a rate-limited client when to retry, from the message when the error has no figure', () => {
    expect(
      answerOf(new DomainError('RATE_LIMITED', 'Too many attempts: try again in 840 s.')).headers[
        'Retry-After'
      ],
    ).toBe('840');
  });

  it("answers a host's own problem with its status and headers", () => {
    const answer = answerOf(new HttpProblem('METHOD_NOT_ALLOWED', 'No.', [], { Allow: 'GET' }));
    expect(answer.status).toBe(hostErrorTable.METHOD_NOT_ALLOWED.status);
    expect(answer.headers.Allow).toBe('GET');
  });
});
