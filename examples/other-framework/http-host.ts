// A REST host on bare node:http: no Koa, no framework. It does what every Doctorly host does
// and no more: read the request, call a use case, map a DomainError to a status.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDomainError, type BookAppointmentInput, type DomainErrorCode } from '@doctorly/core';
import type { Doctorly } from './doctorly.js';

/** A running host. */
export interface RunningHost {
  readonly url: string;
  close(): Promise<void>;
}

/** The HTTP status of each expected failure; anything else is a bug and answers 500. */
function statusOf(code: DomainErrorCode): number {
  if (code === 'VALIDATION_FAILED') return 400;
  if (code === 'UNAUTHENTICATED') return 401;
  if (code === 'RATE_LIMITED') return 429;
  if (code.endsWith('_NOT_FOUND')) return 404;
  return 409;
}

/** Serves `GET /doctors/search` and `POST /appointments` on `port` (0: any free port). */
export async function startHost(doctorly: Doctorly, port: number, host = '127.0.0.1'): Promise<RunningHost> {
  const server = createServer((req, res) => {
    route(doctorly, req).then(
      ({ status, body }) => send(res, status, body),
      (error: unknown) => {
        if (isDomainError(error)) {
          send(res, statusOf(error.code), { code: error.code, message: error.message, errors: error.fieldErrors });
        } else {
          console.error(error);
          send(res, 500, { code: 'INTERNAL', message: 'Something went wrong.' });
        }
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://${host}:${bound}`, close: () => closeServer(server) };
}

async function route(doctorly: Doctorly, req: IncomingMessage): Promise<{ status: number; body: unknown }> {
  const url = new URL(req.url ?? '/', 'http://host');
  if (req.method === 'GET' && url.pathname === '/doctors/search') {
    // Query values are strings: the use case's schema parses and validates them.
    return { status: 200, body: await doctorly.searchDoctors.execute(Object.fromEntries(url.searchParams)) };
  }
  if (req.method === 'POST' && url.pathname === '/appointments') {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const actor = await doctorly.authenticate.execute(token);
    // Untrusted as it is: the use case parses it (VALIDATION_FAILED names each bad field).
    const input = (await readJson(req)) as BookAppointmentInput;
    return { status: 201, body: await doctorly.bookAppointment.execute(actor, input) };
  }
  return { status: 404, body: { code: 'ROUTE_NOT_FOUND', message: `No route ${req.method} ${url.pathname}.` } };
}

/** The JSON body (at most 100 KiB); anything unreadable is left for the use case to refuse. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 100 * 1024) return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
