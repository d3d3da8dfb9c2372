import { DomainError, type DomainErrorCode } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import {
  accessPolicy,
  accessResources,
  notFoundCodeOf,
  resourceOf,
  type AccessResource,
  type AccessRule,
  type PolicyKey,
} from './policy.js';
import { relationsOf, type AccessFacts, type Relation } from './relations.js';

/** What the policy answers: allowed, or the code of the refusal. @category Access */
export type AccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly code: DomainErrorCode };

const allowed: AccessDecision = { allowed: true };
const refused = (code: DomainErrorCode): AccessDecision => ({ allowed: false, code });

/**
 * The answer of rule `key` to a caller with these relations (see {@link AccessRule} for the
 * order in which a refusal is chosen).
 * @category Access
 */
export function decide(key: PolicyKey, relations: ReadonlySet<Relation>): AccessDecision {
  const rule: AccessRule = accessPolicy[key];
  if (rule.allow.some((relation) => relations.has(relation))) return allowed;
  if (!relations.has('authenticated')) return refused('UNAUTHENTICATED');
  if (rule.refuse === 'notADoctor' || (rule.doctorsOnly === true && !relations.has('doctor')))
    return refused('NOT_A_DOCTOR');
  if (rule.forbidden?.some((relation) => relations.has(relation)) === true)
    return refused('FORBIDDEN');
  if (rule.refuse === 'forbidden') return refused('FORBIDDEN');
  return refused(notFoundCode(key));
}

/** Whether `actor` may do `key` to the resource `facts` describe. @category Access */
export function can(actor: Actor | undefined, key: PolicyKey, facts: AccessFacts = {}): boolean {
  return decide(key, relationsOf(actor, facts)).allowed;
}

/**
 * Returns when `actor` may do `key` to the resource `facts` describe, and throws the policy's
 * refusal otherwise; a resource that does not exist (`exists: false`) then answers its
 * `*_NOT_FOUND`, exactly as a hidden one does.
 * @example
 * ```ts
 * const details = await uow.read.appointments.details(id);
 * authorize(actor, 'appointment.cancel', appointmentFacts(id, details));
 * ```
 * @category Access
 */
export function authorize(actor: Actor | undefined, key: PolicyKey, facts: AccessFacts = {}): void {
  const decision = decide(key, relationsOf(actor, facts));
  if (!decision.allowed) throw refusal(key, decision.code, facts.id);
  if (facts.exists === false) throw refusal(key, notFoundCode(key), facts.id);
}

/** The error of a refusal, its message the same whoever is refused. */
function refusal(key: PolicyKey, code: DomainErrorCode, id: number | undefined): DomainError {
  const resource: AccessResource = accessResources[resourceOf(key)];
  if (code === 'UNAUTHENTICATED') return new DomainError(code, 'A bearer token is required.');
  if (code === 'NOT_A_DOCTOR')
    return new DomainError(code, 'Only a doctor can do this: create a doctor profile first.');
  if (code === 'FORBIDDEN')
    return new DomainError(code, `Only ${accessPolicy[key].who} can do this.`);
  // A hidden resource and a missing one must read alike, or the message would leak it.
  return new DomainError(
    code,
    id === undefined ? `There is no such ${resource.noun}.` : `There is no ${resource.noun} ${id}.`,
  );
}

function notFoundCode(key: PolicyKey): DomainErrorCode {
  const code = notFoundCodeOf(key);
  // Only resources with a not-found code have hiding rules (a test checks the table).
  if (code === undefined)
    throw new Error(`${key}: the ${resourceOf(key)} resource cannot be hidden`);
  return code;
}

/**
 * {@link authorize} for a subject the use case looked up: returns it, known to exist, when
 * `actor` may do `key` to it. `facts` must say `exists: false` when it is `undefined` (the
 * `*Facts` helpers do), so a missing subject is refused as a hidden one is.
 * @category Access
 */
export function authorized<T>(
  actor: Actor,
  key: PolicyKey,
  subject: T | undefined,
  facts: AccessFacts,
): T {
  authorize(actor, key, subject === undefined ? { ...facts, exists: false } : facts);
  // authorize never lets a missing subject through: it is refused, or answers not found.
  if (subject === undefined) throw new Error(`${key} let a missing subject through`);
  return subject;
}
