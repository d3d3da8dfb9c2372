// The little the board demo (scripts/demo-board.ts) needs from the REST API and the clock:
// JSON calls with a clear error, and "today" as a slot's time zone sees it.

/** An answer other than the one expected: its status and the problem's code, if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON API on one base URL, with an optional bearer token or Basic credentials. */
export class Api {
  constructor(readonly base: string) {}

  /** Sends a request; resolves with the JSON answer when its status is 2xx, else throws {@link ApiError}. */
  async call<T>(
    method: string,
    path: string,
    options: { token?: string; basic?: string; body?: unknown } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.basic)
      headers.authorization = `Basic ${Buffer.from(options.basic).toString('base64')}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base), {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    } catch (error) {
      throw new Error(
        `Cannot reach ${this.base} (${(error as Error).message}). Is the server running? Start it with \`npm start\`.`,
        { cause: error },
      );
    }
    const text = await response.text();
    if (response.ok) return (text === '' ? undefined : JSON.parse(text)) as T;
    let code: string | undefined;
    let detail = text.slice(0, 300);
    try {
      const problem = JSON.parse(text) as { code?: string; message?: string };
      code = problem.code;
      detail = problem.message ?? detail;
    } catch {
      // Not problem JSON: the text itself says what happened.
    }
    throw new ApiError(
      response.status,
      code,
      `${method} ${path} → ${response.status}${code ? ` ${code}` : ''}: ${detail}`,
    );
  }

  /** A token for an account (`POST /auth/get_token` with HTTP Basic). */
  async login(email: string, password: string): Promise<string> {
    const { token } = await this.call<{ token: string }>('POST', '/auth/get_token', {
      basic: `${email}:${password}`,
    });
    return token;
  }
}

/** A wall-clock reading in a time zone. */
export interface LocalNow {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Lower-case English weekday, as slots name them. */
  readonly weekday: string;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

/** What the clock on the wall says at `instant` in `zone`. */
export function localNow(instant: Date, zone: string): LocalNow {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: String(parts.weekday).toLowerCase(),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** `HH:MM` ⇄ minutes since midnight. */
export const clock = {
  parse: (hhmm: string): number => {
    const [h, m] = hhmm.split(':').map(Number);
    return h! * 60 + m!;
  },
  format: (minutes: number): string =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
};
