// The ceiling: a bare Koa app that answers every GET with the same JSON body (BENCH_BODY_FILE,
// a doctor as /doctors/get/{id} returns it), serialised per request like the real server
// does. No router, no auth, no database: what Koa and Node's HTTP stack cost on this machine.
import { readFileSync } from 'node:fs';
import Koa from 'koa';

const body: unknown = JSON.parse(readFileSync(process.env.BENCH_BODY_FILE ?? '', 'utf8'));
const app = new Koa();
app.use((ctx) => {
  ctx.body = body;
});
const server = app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
