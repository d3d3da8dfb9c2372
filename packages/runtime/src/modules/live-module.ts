import { LiveChannel } from '@doctorly/core';
import { ContainerModule } from 'inversify';

/**
 * Binds core's {@link LiveChannel} port to `channel`, an adapter already built (and owned) by
 * the host: `InMemoryLiveChannel`, `PostgresLiveChannel` or `RedisLiveChannel`. The module
 * closes nothing; whoever opened the channel closes it.
 * @category Modules
 */
export function liveModule(channel: LiveChannel): ContainerModule {
  return new ContainerModule((options) => {
    options.bind(LiveChannel).toConstantValue(channel);
  });
}
