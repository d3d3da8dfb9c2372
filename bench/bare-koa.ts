// The ceiling: a bare Koa app that answers every GET with the same JSON body (BENCH_BODY_FILE,
// a doctor as /doctors/get/{id} returns it), rendered once at start and sent as the same
// bytes each time, as the server's cached read sends the bytes it rendered once per cached
// value (packages/http-koa/src/http/json-answer.ts). No router, no auth, no database, no
// serialising per request: what Koa and Node's HTTP stack cost on this machine.
import { readFileSync } from 'node:fs';
import Koa from 'koa';

// bench/run.ts wrote it with JSON.stringify of the server's answer: the server's very bytes.
const body = readFileSync(process.env.BENCH_BODY_FILE ?? '');
const app = new Koa();
app.use((ctx) => {
  // The type first, as answerJson does: Koa would call a Buffer application/octet-stream.
  ctx.set('Content-Type', 'application/json; charset=utf-8');
  ctx.body = body;
});
const server = app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
