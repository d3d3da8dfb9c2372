// `npm start`: the server on the configuration from the environment. With no DATABASE_URL it
// runs on the embedded default (PGlite under DATA_DIR, in-memory cache, PostgreSQL search)
// and does the worker's background work itself.
import { ConfigError, createRuntime, loadConfig } from '@doctorly/runtime';
import { createServer } from './server.js';

/** How often the embedded default runs the worker's tick (sittings, no-shows, outbox). */
const tickIntervalMs = 15_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const runtime = await createRuntime(config);
  const server = createServer(runtime);
  const embedded = config.databaseUrl === undefined;
  const stopTicking = embedded ? runtime.startTicking(tickIntervalMs) : undefined;

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) =>
    (stopping ??= (async () => {
      runtime.logger.info(
        { signal },
        'shutting down: no new connections, finishing requests in flight',
      );
      await server.close();
      await stopTicking?.();
      await runtime.close();
    })()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        runtime.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }));
  // `on`, not `once`: Ctrl-C reaches npm, tsx and this process alike, and tsx relays it
  // again; a repeated signal must not kill the process half-way through its shutdown.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const { port } = await server.listen(config.port, config.host);
  const local = `http://localhost:${port}`;
  runtime.logger.info(
    { port, host: config.host, public_url: config.publicUrl, database: runtime.database },
    'listening',
  );
  // One human line besides the JSON log: where to go.
  console.log(
    [
      `Doctorly is listening on ${local} (${embedded ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}).`,
      `API docs: ${local}/docs   OpenAPI: ${local}/openapi.json   Health: ${local}/readyz`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Doctorly failed to start:', error);
  }
  process.exit(1);
});
