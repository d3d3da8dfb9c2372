import { Agent, request } from 'node:http';

/** One HTTP answer, body as text and (when it parses) as JSON. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  readonly json: unknown;
}

/** What a request may carry; `path` is sent as is (no URL normalisation: `..` stays). */
export interface RequestSpec {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  readonly timeoutMs?: number;
}

/**
 * Every answer of the suite passes here, so that one scan can prove that no body or header
 * ever carried a password or a password hash (`scrypt$…`).
 */
export const leakScan = {
  secrets: new Set<string>(['scrypt$']),
  answers: 0,
  leaks: [] as string[],
  check(spec: RequestSpec, answer: Answer): void {
    this.answers += 1;
    const haystack = `${JSON.stringify(answer.headers)}\n${answer.text}`;
    for (const secret of this.secrets) {
      if (haystack.includes(secret))
        this.leaks.push(`${spec.method} ${spec.path} → ${answer.status} contains "${secret}"`);
    }
  },
};

/** A raw HTTP client over node:http (keep-alive), recording every answer in {@link leakScan}. */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  /** Requests sent again because a kept-alive socket was closed by the server as they were sent. */
  staleSocketRetries = 0;

  /**
   * Sends one request. A request that fails on a *reused* keep-alive socket with a reset is
   * sent once more on a new one (as Node's documentation advises): the server may close an idle
   * socket just as the client reuses it, which says nothing about the server. Any other
   * failure, and a failure on a new socket, is the caller's.
   */
  async send(spec: RequestSpec): Promise<Answer> {
    try {
      return await this.attempt(spec);
    } catch (error) {
      if (!(error as { reusedSocket?: boolean }).reusedSocket) throw error;
      this.staleSocketRetries += 1;
      return this.attempt(spec);
    }
  }

  private attempt(spec: RequestSpec): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...spec.headers };
      if (spec.body !== undefined) headers['content-length'] = Buffer.byteLength(spec.body);
      const req = request(
        {
          host: this.host,
          port: this.port,
          method: spec.method,
          path: spec.path,
          headers,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = text === '' ? undefined : JSON.parse(text);
            } catch {
              json = undefined;
            }
            const answer: Answer = {
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              json,
            };
            leakScan.check(spec, answer);
            resolve(answer);
          });
        },
      );
      req.setTimeout(spec.timeoutMs ?? 30_000, () =>
        req.destroy(new Error(`timeout: ${spec.method} ${spec.path}`)),
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        const reset = error.code === 'ECONNRESET' || /socket hang up/.test(error.message);
        reject(Object.assign(error, { reusedSocket: reset && req.reusedSocket }));
      });
      req.end(spec.body);
    });
  }

  /** GET with an optional bearer token. */
  get(path: string, token?: string): Promise<Answer> {
    return this.send({ method: 'GET', path, headers: bearer(token) });
  }

  /** A JSON request with an optional bearer token and extra headers. */
  json(
    method: string,
    path: string,
    body: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    return this.send({
      method,
      path,
      headers: { 'content-type': 'application/json', ...bearer(token), ...headers },
      body: JSON.stringify(body),
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function bearer(token: string | undefined): Record<string, string> {
  return token === undefined ? {} : { authorization: `Bearer ${token}` };
}

/** Whether a body is the one error shape `{code, message, description}` (strings). */
export function isErrorBody(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const { code, message, description } = json as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' && typeof description === 'string';
}

/** The `code` of an error body, or `undefined`. */
export function codeOf(answer: Answer): string | undefined {
  const code = (answer.json as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
