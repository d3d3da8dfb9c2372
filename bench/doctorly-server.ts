// The Doctorly server as the bench runs it: the same composition as
// packages/http-koa/src/main.ts (createRuntime + createServer on the configuration from the
// environment). BENCH_CACHE=off swaps the cache for one that never hits, so "cache off"
// differs from "cache on" by the cache alone (same Redis for revocations and rate limits,
// same PostgreSQL): every read goes to PostgreSQL. The bench runs it compiled
// (bench/tsconfig.servers.json → bench/dist/doctorly-server.js) with plain node, as production
// runs packages/http-koa/dist/main.js.
import { createServer } from '@doctorly/http-koa';
import { createRuntime, loadConfig } from '@doctorly/runtime';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const runtime = await createRuntime(config);
  if (process.env.BENCH_CACHE === 'off') {
    // The use cases hold this very instance (bound as a constant): overriding its methods
    // turns every read into a miss and every write-back into nothing.
    const cache = runtime.ports.cache as unknown as Record<string, unknown>;
    cache.get = () => Promise.resolve(undefined);
    cache.set = () => Promise.resolve();
  }
  const server = createServer(runtime);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => runtime.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  await server.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  console.error('bench server failed to start:', error);
  process.exit(1);
});
