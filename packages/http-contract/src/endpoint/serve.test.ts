import { IdParam, PageInput, isDomainError, type AuthenticatedActor } from '@doctorly/core';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  cancelAppointment,
  getCurrentUser,
  listPatients,
  logout,
  registerPatient,
  registerUser,
} from '../endpoints/index.js';
import { Presenter } from '../present/presenter.js';
import { inMemoryApi, type InMemoryApi } from '../test-support/in-memory-api.js';
import type { RawRequest } from './handler-input.js';
import { endpoint } from './endpoint.js';

const presenter = new Presenter('https://api.example.com');
const raw = (parts: Partial<RawRequest>): RawRequest => ({
  actor: undefined,
  params: {},
  query: {},
  headers: {},
  body: {},
  client: { address: '127.0.0.1' },
  ...parts,
});
/** The field paths of the VALIDATION_FAILED a promise rejects with. */
async function invalidFields(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
    return [];
  } catch (error) {
    if (!isDomainError(error, 'VALIDATION_FAILED')) throw error;
    return error.fieldErrors.map((f) => f.path);
  }
}

let api: InMemoryApi;
beforeEach(async () => {
  api = await inMemoryApi();
});

describe('ApiEndpoint.serve', () => {
  it('answers the declared status with no-store and the use case result as the body', async () => {
    const body = { name: 'Bo', email: 'bo@example.com', password: 'password-123' };
    const answer = await registerUser.serve(api.useCases, raw({ body }), presenter);
    expect(answer.status).toBe(201);
    expect(answer.headers).toEqual({ 'Cache-Control': 'no-store' });
    expect(answer.body).toMatchObject({ name: 'Bo', email: 'bo@example.com', role: 'user' });
  });

  it('answers a paged result as its items, with the total in X-Total-Count', async () => {
    const patient = { name: 'P', age: 3, gender: 'female', symptoms: 'cough' };
    for (let i = 0; i < 3; i++)
      await registerPatient.serve(
        api.useCases,
        raw({ actor: api.actor, body: patient }),
        presenter,
      );
    const answer = await listPatients.serve(
      api.useCases,
      raw({ actor: api.actor, query: { limit: '2' } }),
      presenter,
    );
    expect(answer.headers['X-Total-Count']).toBe('3');
    expect(answer.body).toHaveLength(2);
  });

  it('answers an empty result with the declared status and no body', async () => {
    const answer = await logout.serve(api.useCases, raw({ actor: api.actor }), presenter);
    expect(answer).toEqual({
      status: 204,
      headers: { 'Cache-Control': 'no-store' },
      body: undefined,
    });
    await expect(api.useCases.authenticate.execute(api.token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('names the invalid fields of every part in one VALIDATION_FAILED, path parameters first', async () => {
    const request = raw({ actor: api.actor, params: { id: 'abc' }, body: { reason: 7 } });
    expect(await invalidFields(cancelAppointment.serve(api.useCases, request, presenter))).toEqual([
      'id',
      'reason',
    ]);
  });

  it('refuses a body field the endpoint does not declare', async () => {
    const request = raw({ actor: api.actor, params: { id: '1' }, body: { id: 2 } });
    expect(await invalidFields(cancelAppointment.serve(api.useCases, request, presenter))).toEqual([
      '',
    ]);
  });

  it('refuses to run a bearer endpoint whose caller the host did not authenticate', async () => {
    await expect(getCurrentUser.serve(api.useCases, raw({}), presenter)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('hands the handler its inputs parsed and typed by the endpoint schemas', async () => {
    const seen: unknown[] = [];
    const probe = endpoint({
      method: 'get',
      path: '/probe/{id}',
      operationId: 'probe',
      tag: 'test',
      auth: 'bearer',
      summary: 'Probe',
      params: IdParam,
      query: PageInput,
      response: { status: 200, description: 'Echo.' },
      errors: [],
      uses: [],
      handle: (_use, input) => {
        expectTypeOf(input.params).toEqualTypeOf<{ id: number }>();
        expectTypeOf(input.query.limit).toEqualTypeOf<number>();
        expectTypeOf(input.body).toEqualTypeOf<undefined>();
        expectTypeOf(input.actor).toEqualTypeOf<AuthenticatedActor>();
        seen.push(input.params, input.query);
        return Promise.resolve(null);
      },
    });
    await probe.serve(
      {},
      raw({ actor: api.actor, params: { id: '42' }, query: { limit: '5' } }),
      presenter,
    );
    expect(seen).toEqual([{ id: 42 }, expect.objectContaining({ limit: 5 })]);
  });
});
