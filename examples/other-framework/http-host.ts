// A REST host on bare node:http: no Koa, no framework. Everything HTTP about Doctorly (paths,
// auth schemes, input schemas, handlers, the error table and body) comes from
// @doctorly/http-contract; this file only reads requests and writes answers.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HttpProblem,
  Presenter,
  authenticateRequest,
  bookAppointment,
  errorAnswer,
  internalProblem,
  problemOf,
  searchDoctors,
  type ApiEndpoint,
  type UseCaseSet,
  type UseCasesOf,
} from '@doctorly/http-contract';

/** The contract's endpoints this host serves: `GET /doctors/search` and `POST /patient/new_appointment`. */
export const servedEndpoints = [searchDoctors, bookAppointment] as const;

/** The use cases they need, and `authenticate` for their bearer tokens: a partial set, wired by hand. */
export type HostUseCases = UseCasesOf<typeof servedEndpoints> & Pick<UseCaseSet, 'authenticate'>;

/** A running host. */
export interface RunningHost {
  readonly url: string;
  close(): Promise<void>;
}

/** An answer to write: the contract's success or error answer. */
interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Serves {@link servedEndpoints} on `port` (0: any free port). */
export async function startHost(
  useCases: HostUseCases,
  port: number,
  host = '127.0.0.1',
): Promise<RunningHost> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  // Image URLs in the answers are made absolute with the address the host is reached at.
  const presenter = new Presenter(url);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void answer(useCases, presenter, req).then((answered) => send(res, answered));
  });
  return { url, close: () => closeServer(server) };
}

async function answer(
  useCases: HostUseCases,
  presenter: Presenter,
  req: IncomingMessage,
): Promise<Answer> {
  const url = new URL(req.url ?? '/', 'http://host');
  const endpoint = servedEndpoints.find(
    (e) => e.method.toUpperCase() === req.method && e.path === url.pathname,
  );
  try {
    if (!endpoint)
      throw new HttpProblem('ROUTE_NOT_FOUND', `No endpoint ${req.method} ${url.pathname}.`);
    return await serve(endpoint, useCases, presenter, req, url);
  } catch (error) {
    // An expected failure answers the contract's status and body; anything else is a bug.
    const problem = problemOf(error);
    const requestId = randomUUID();
    if (!problem) console.error(requestId, error);
    const tokenPresented = req.headers.authorization !== undefined;
    return errorAnswer(problem ?? internalProblem, {
      requestId,
      authScheme: endpoint?.auth ?? 'none',
      tokenPresented,
    });
  }
}

/** Hands the raw request to the contract, which parses it with the endpoint's schemas and runs its handler. */
async function serve(
  endpoint: ApiEndpoint<keyof HostUseCases>,
  useCases: HostUseCases,
  presenter: Presenter,
  req: IncomingMessage,
  url: URL,
): Promise<Answer> {
  const actor = await authenticateRequest(
    endpoint.auth,
    req.headers.authorization,
    useCases.authenticate,
  );
  const request = {
    actor,
    params: {},
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: endpoint.body?.kind === 'json' ? await readJson(req) : undefined,
    client: { address: req.socket.remoteAddress ?? '' },
  };
  return endpoint.serve(useCases, request, presenter);
}

/** The JSON body (at most 100 KiB); none reads as `{}`, so the contract names the missing fields. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 100 * 1024) {
      // The rest of the body stays unread: the connection cannot carry another request.
      throw new HttpProblem('PAYLOAD_TOO_LARGE', 'The request body is too large.', [], {
        connection: 'close',
      });
    }
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem('MALFORMED_BODY', 'The request body is not JSON.');
  }
}

function send(res: ServerResponse, { status, headers, body }: Answer): void {
  res.writeHead(status, {
    ...headers,
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}
