/**
 * The injection identifier of a port: at run time a plain `Symbol.for('doctorly.<Port>')`,
 * at compile time it carries the port's type `T`.
 *
 * Why a union with an abstract constructor: inversify's `ServiceIdentifier<T>` is
 * `string | symbol | Newable<T> | AbstractNewable<T>`, and it infers `T` only from the
 * constructor members. A token typed `symbol | (abstract new (...) => T)` matches that shape
 * structurally, so `container.get(UnitOfWork)` infers `UnitOfWork` and
 * `bind(Cache).toConstantValue(notACache)` does not compile, while core itself never imports
 * inversify (core is pure: CONVENTIONS.md, rule 1). The constructor member never exists at
 * run time; nothing may call `new` on a token.
 * @example
 * ```ts
 * export interface Cache { … }
 * export const Cache: ServiceToken<Cache> = Symbol.for('doctorly.Cache');
 * ```
 * @category Ports
 */
export type ServiceToken<T> = symbol | (abstract new (...args: unknown[]) => T);
