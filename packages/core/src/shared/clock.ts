import type { ServiceToken } from './service-token.js';
/**
 * Where core learns the time: nothing in core reads the system clock, so tests drive time.
 * @category Ports
 */
export interface Clock {
  now(): Date;
}
/** Injection token of {@link Clock}. @category Ports */
export const Clock: ServiceToken<Clock> = Symbol.for('doctorly.Clock');
