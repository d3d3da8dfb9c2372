import type { BookingPolicy, ServiceToken } from '@doctorly/core';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';

/** Injection token of the runtime's {@link Config}. @category Composition */
export const ConfigToken: ServiceToken<Config> = Symbol.for('doctorly.Config');
/** Injection token of the runtime's pino logger. @category Composition */
export const LoggerToken: ServiceToken<Logger> = Symbol.for('doctorly.Logger');
/** Injection token of the {@link BookingPolicy} (from `BOOKING_*`). @category Composition */
export const BookingPolicyToken: ServiceToken<BookingPolicy> = Symbol.for('doctorly.BookingPolicy');

/** What the runtime's own tokens resolve to. @category Composition */
export interface RuntimeServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly bookingPolicy: BookingPolicy;
}
