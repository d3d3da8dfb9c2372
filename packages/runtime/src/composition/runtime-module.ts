import { Cache, Clock, OutboxPublisher } from '@doctorly/core';
import { ContainerModule } from 'inversify';
import { HostOutboxPublisher } from './host-outbox-publisher.js';
import { BookingPolicyToken, ConfigToken, LoggerToken, type RuntimeServices } from './tokens.js';
import { bindUseCases, type UseCases } from './use-cases.js';
import { relayAll } from './worker-tick.js';

/** What {@link runtimeModule} binds beside the use cases. */
export interface RuntimeModuleConfig extends RuntimeServices {
  /** The use cases, resolved when first used: the publisher relays through `relayOutbox`. */
  readonly useCases: Pick<UseCases, 'relayOutbox'>;
}

/**
 * The runtime's own services: {@link ConfigToken}, {@link LoggerToken},
 * {@link BookingPolicyToken}, the host's after-commit publisher (bound under its class and
 * serving {@link OutboxPublisher}) and every use case, each a singleton built on first use.
 */
export function runtimeModule(config: RuntimeModuleConfig): ContainerModule {
  return new ContainerModule((options) => {
    options.bind(ConfigToken).toConstantValue(config.config);
    options.bind(LoggerToken).toConstantValue(config.logger);
    options.bind(BookingPolicyToken).toConstantValue(config.bookingPolicy);
    options
      .bind(HostOutboxPublisher)
      .toResolvedValue(
        (cache, clock, logger) =>
          new HostOutboxPublisher(
            cache,
            () => relayAll(config.useCases, () => clock.now()),
            logger,
          ),
        [Cache, Clock, LoggerToken],
      )
      .inSingletonScope();
    options.bind(OutboxPublisher).toService(HostOutboxPublisher);
    bindUseCases(options);
  });
}
