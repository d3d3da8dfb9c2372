// A small HTTP client of the tests: fetch over the real socket, JSON in and out.

export interface Reply<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

export interface RequestOptions {
  readonly token?: string;
  readonly json?: unknown;
  readonly body?: NonNullable<Parameters<typeof fetch>[1]>['body'];
  readonly headers?: Record<string, string>;
}

export interface Account {
  readonly email: string;
  readonly password: string;
  readonly token: string;
  readonly userId: number;
}

export interface DoctorAccount extends Account {
  readonly doctorId: number;
}

let counter = 0;
/** A unique email per call, so tests never collide on EMAIL_TAKEN. */
export function uniqueEmail(name: string): string {
  counter += 1;
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${process.pid}-${Date.now().toString(36)}-${counter}@example.com`;
}

export class Api {
  constructor(readonly base: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body ?? null,
      redirect: 'manual',
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '')
      parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = unknown>(path: string, token?: string): Promise<Reply<T>> {
    return this.request<T>('GET', path, token === undefined ? {} : { token });
  }

  post<T = unknown>(path: string, json: unknown, token?: string): Promise<Reply<T>> {
    return this.request<T>('POST', path, token === undefined ? { json } : { json, token });
  }

  async login(email: string, password: string): Promise<string> {
    const basic = Buffer.from(`${email}:${password}`).toString('base64');
    const reply = await this.request('POST', '/auth/get_token', {
      headers: { authorization: `Basic ${basic}` },
    });
    if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${reply.text}`);
    return (reply.body as { token: string }).token;
  }

  async user(name = 'user'): Promise<Account> {
    const email = uniqueEmail(name);
    const password = 'password-123';
    const reply = await this.post('/users/register', { name, email, password });
    if (reply.status !== 201) throw new Error(`register failed: ${reply.status} ${reply.text}`);
    return {
      email,
      password,
      token: await this.login(email, password),
      userId: (reply.body as { id: number }).id,
    };
  }

  async doctor(name = 'doctor', description = 'Hello I am a doctor'): Promise<DoctorAccount> {
    const email = uniqueEmail(name);
    const password = 'password-123';
    const reply = await this.post('/doctors/new', { name, email, password, description });
    if (reply.status !== 201) throw new Error(`doctor failed: ${reply.status} ${reply.text}`);
    const view = reply.body as { id: number; user: { id: number } };
    return {
      email,
      password,
      token: await this.login(email, password),
      userId: view.user.id,
      doctorId: view.id,
    };
  }

  async patient(owner: Account, name = 'Patient'): Promise<number> {
    const reply = await this.post(
      '/patient/new',
      { name, age: 30, gender: 'female', symptoms: 'cough' },
      owner.token,
    );
    if (reply.status !== 201) throw new Error(`patient failed: ${reply.status} ${reply.text}`);
    return (reply.body as { id: number }).id;
  }

  async slot(
    doctor: Account,
    slot: Partial<Record<'day' | 'start', string>> & {
      num_slots?: number;
      appointment_duration?: number;
    } = {},
  ): Promise<number> {
    const body = {
      day: 'monday',
      start: '10:30',
      consultation_fee: 1000,
      appointment_duration: 10,
      num_slots: 10,
      ...slot,
    };
    const reply = await this.post('/doctors/add_slot', body, doctor.token);
    if (reply.status !== 201) throw new Error(`slot failed: ${reply.status} ${reply.text}`);
    return (reply.body as { id: number }).id;
  }

  async book(owner: Account, patientId: number, slotId: number, date?: string): Promise<Reply> {
    return this.post(
      '/patient/new_appointment',
      { patient_id: patientId, slot_id: slotId, ...(date ? { date } : {}) },
      owner.token,
    );
  }
}

/** The error body of a reply, checked to be one: status, code and the named fields. */
export function errorOf(reply: Reply): {
  code: string;
  message: string;
  description: string;
  errors?: { field: string; message: string }[];
  request_id?: string;
} {
  const body = reply.body as { code?: unknown; message?: unknown; description?: unknown };
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.code !== 'string' ||
    typeof body.message !== 'string' ||
    typeof body.description !== 'string'
  ) {
    throw new Error(`not an error body (${reply.status}): ${reply.text}`);
  }
  return body as ReturnType<typeof errorOf>;
}
