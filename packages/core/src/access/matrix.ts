import { decide, type AccessDecision } from './authorize.js';
import type { PolicyKey } from './policy.js';
import type { Relation } from './relations.js';

/**
 * The callers of an authorization matrix, by their relations to a subject that the user
 * `owner` owns and that concerns the doctor `doctorConcerned`. A host's matrix test builds
 * such a world and expects, for each caller and rule, what {@link matrixDecision} says.
 * @category Access
 */
export const matrixCallers = {
  anonymous: ['anyone'],
  stranger: ['anyone', 'authenticated'],
  owner: ['anyone', 'authenticated', 'owner'],
  doctorConcerned: ['anyone', 'authenticated', 'doctor', 'doctorConcerned'],
  otherDoctor: ['anyone', 'authenticated', 'doctor'],
  admin: ['anyone', 'authenticated', 'admin'],
} as const satisfies Record<string, readonly Relation[]>;

/** One caller of the authorization matrix. @category Access */
export type MatrixCaller = keyof typeof matrixCallers;

/** Every caller of the authorization matrix, anonymous first. @category Access */
export const matrixCallerNames = Object.keys(matrixCallers) as MatrixCaller[];

/** What the policy answers `caller` for rule `key`. @category Access */
export function matrixDecision(key: PolicyKey, caller: MatrixCaller): AccessDecision {
  return decide(key, new Set<Relation>(matrixCallers[caller]));
}
