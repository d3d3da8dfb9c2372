import {
  matrixCallerNames,
  matrixDecision,
  policyKeys,
  type MatrixCaller,
  type PolicyKey,
} from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainErrorTable } from '@doctorly/http-contract';
import { accessProbes } from '../test-support/access-probes.js';
import { AccessWorld } from '../test-support/access-world.js';
import { errorOf, type Reply } from '../test-support/api.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// The authorization matrix, generated from the access policy: every rule, probed over HTTP
// by every caller (anonymous, stranger, owner, the doctor concerned, another doctor, an
// admin), must answer what the policy decides: 2xx, or the refusal's status and code.
let t: TestServer;
let world: AccessWorld;

beforeAll(async () => {
  t = await startTestServer();
  world = await AccessWorld.create(t);
});
afterAll(() => t.close());

/** The answer the policy expects, as the test's name shows it: `2xx` or a status. */
function expectedOf(key: PolicyKey, caller: MatrixCaller): { status: string; code?: string } {
  const decision = matrixDecision(key, caller);
  return decision.allowed
    ? { status: '2xx' }
    : { status: String(domainErrorTable[decision.code].status), code: decision.code };
}

function answerOf(reply: Reply): { status: string; code?: string } {
  if (reply.status >= 200 && reply.status < 300) return { status: '2xx' };
  return { status: String(reply.status), code: errorOf(reply).code };
}

const cases = policyKeys.flatMap((key) =>
  matrixCallerNames.map((caller) => ({ key, caller, expected: expectedOf(key, caller) })),
);

describe('the authorization matrix', () => {
  for (const { key, caller, expected } of cases) {
    it(`${key}: ${caller} → ${expected.status}`, async () => {
      const replies = [await accessProbes[key](world, caller)].flat();
      for (const reply of replies) expect(answerOf(reply), reply.text).toEqual(expected);
    });
  }
});
