import fc from 'fast-check';
import { hasType, type JsonSchema, type Operation } from './openapi-operations.js';
import type { RequestSpec } from './http-client.js';

/** Tokens the generated requests may carry; hostile ones are made here. */
export interface Credentials {
  readonly userToken: string;
  readonly doctorToken: string;
}

/** SQL, search-syntax, template and traversal strings that must never reach an engine as syntax. */
export const nastyStrings = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(10)--',
  '" OR ""="',
  "admin'--",
  "1' UNION SELECT password_hash FROM users--",
  "%' AND 1=1 --",
  '\\x27',
  '$$; DELETE FROM patients; $$',
  '@name:*) | (',
  '{}',
  '*',
  '%',
  '@user.name:{x}',
  '-(@a:b)',
  '~@x:y',
  '@slot_day:{monday} | @name:*',
  '(|)',
  '[1 2]',
  '"unterminated',
  'FT.DROPINDEX idx',
  '\\',
  '$',
  'a*b?c',
  '%ayesha%',
  '@',
  ':',
  '|',
  '~',
  '-',
  '()',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '....//....//etc/passwd',
  '/etc/passwd',
  '.',
  '..',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '😀',
  '𝕯𝖔𝖈𝖙𝖔𝖗',
  'ñandú',
  '\uffff',
  '\ud800',
  '中文名字',
  'مرحبا',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  'true',
  '[]',
  ' ',
  '',
  '\t\n',
  'x'.repeat(300),
];

/** Numbers no count, id, age, fee or duration may take. */
const badNumbers = [
  -1,
  -0.5,
  0.5,
  1.5,
  -1e308,
  1e308,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 31) - 1,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

/** Dates that do not exist or are not dates. */
const badDates = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-99-99',
  '2026-1-1',
  'yesterday',
  '2026-02-29T25:00',
  '20260101',
  '1e12',
  '',
];

/** Percent-encodes UTF-8 bytes (lone surrogates become U+FFFD), keeping only unreserved characters. */
export function pct(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** Whether `raw` would read as a valid id (`z.coerce.number`): such values are never sent, so no real row is touched. */
function readsAsId(raw: string): boolean {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 2_147_483_647;
}

const nasty = fc.constantFrom(...nastyStrings);
const anyText = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
// Long, but within Node's 16 KiB header limit once percent-encoded (6 bytes each): past it, the
// request never reaches the application (the server's clientError handler answers 431).
const hugeText = fc.integer({ min: 200, max: 600 }).map((n) => 'Ω'.repeat(n));

/** A path segment for a parameter: never a valid id, often a traversal, a query syntax or unicode. */
function pathValue(schema: JsonSchema): fc.Arbitrary<{ raw: boolean; value: string }> {
  const integerish = hasType(schema, 'integer') || hasType(schema, 'number');
  const strings = fc.oneof(
    anyText,
    hugeText,
    fc.constantFrom(...badNumbers.map(String)),
    fc.constantFrom(...badDates),
  );
  const encoded = (integerish ? strings.filter((s) => !readsAsId(s)) : strings).map((value) => ({
    raw: false,
    value,
  }));
  // Raw (unencoded) traversals: the router must not resolve them into another route or file.
  const raw = fc
    .constantFrom(
      '../../etc/passwd',
      '..',
      '.',
      '..%2f..%2fetc%2fpasswd',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '%00',
      '%ZZ',
      '%',
      '%c0%ae%c0%ae/',
    )
    .map((value) => ({ raw: true, value }));
  return fc.oneof({ weight: 4, arbitrary: encoded }, { weight: 1, arbitrary: raw });
}

/** A value of the wrong JSON type for `schema`. */
function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> {
  const candidates: fc.Arbitrary<unknown>[] = [
    fc.constant(null),
    fc.boolean(),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  ];
  if (!hasType(schema, 'string')) candidates.push(anyText);
  if (!hasType(schema, 'number') && !hasType(schema, 'integer'))
    candidates.push(fc.oneof(fc.integer(), fc.double({ noNaN: true })));
  if (!hasType(schema, 'array'))
    candidates.push(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
  return fc.oneof(...candidates);
}

/** A value of the right type that the schema refuses. */
function wrongValue(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  if (hasType(schema, 'integer') || hasType(schema, 'number'))
    return fc.constantFrom(...badNumbers);
  if (schema.format === 'date' || schema.pattern || schema.enum)
    return fc.oneof(
      fc.constantFrom(...badDates),
      nasty.filter((s) => s.length > 3),
    );
  if (hasType(schema, 'string')) return fc.constant('y'.repeat((schema.maxLength ?? 2_000) + 1));
  if (hasType(schema, 'array'))
    return fc.constantFrom(
      [],
      Array.from({ length: 60 }, () => 'x'),
    );
  return undefined;
}

/** JSON bodies (as text) that are invalid by construction for `schema` (an object schema). */
function invalidJson(schema: JsonSchema): fc.Arbitrary<string> {
  // Nested absurdly deep: built as text, since JSON.stringify itself would overflow the stack.
  const deep = fc.oneof(
    fc
      .integer({ min: 1_000, max: 20_000 })
      .map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    fc
      .integer({ min: 1_000, max: 10_000 })
      .map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );
  return fc.oneof(
    {
      weight: 9,
      arbitrary: invalidJsonValue(schema).map((value) => JSON.stringify(value) ?? 'null'),
    },
    { weight: 1, arbitrary: deep },
  );
}

function invalidJsonValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const required = schema.required ?? [];
  const filler = fc.dictionary(
    fc.constantFrom(...properties.map(([name]) => name), 'x'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 4 },
  );
  const arbitraries: fc.Arbitrary<unknown>[] = [
    // An unknown key (strict objects refuse it), carrying injection strings or a prototype.
    fc
      .tuple(
        filler,
        fc.oneof(
          nasty,
          fc.constantFrom('__proto__', 'constructor', 'role', 'is_admin', 'password_hash'),
        ),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(
        ([rest, key, value]) =>
          JSON.parse(
            `{${JSON.stringify(key === '' ? 'empty' : `${key}`)}: ${JSON.stringify(value ?? null)}, "__extra": 1${Object.keys(rest).length ? ',' : ''}${JSON.stringify(rest).slice(1)}`,
          ) as unknown,
      ),
    // Not an object at all.
    fc.oneof(
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
      anyText,
      fc.integer(),
      fc.constant(null),
      fc.constant(true),
    ),
    // Larger than the JSON body limit (100 KiB by default).
    fc.constant({ [properties[0]?.[0] ?? 'x']: 'z'.repeat(150_000) }),
  ];
  if (properties.length > 0) {
    arbitraries.push(
      fc
        .tuple(fc.constantFrom(...properties), filler)
        .chain(([[name, prop], rest]) => wrongType(prop).map((bad) => ({ ...rest, [name]: bad }))),
    );
    const refusable = properties.filter(([, prop]) => wrongValue(prop) !== undefined);
    if (refusable.length > 0) {
      arbitraries.push(
        fc
          .tuple(fc.constantFrom(...refusable), filler)
          .chain(([[name, prop], rest]) =>
            wrongValue(prop)!.map((bad) => ({ ...rest, [name]: bad })),
          ),
      );
    }
  }
  if (required.length > 0) {
    arbitraries.push(
      fc.tuple(fc.constantFrom(...required), filler).map(([missing, rest]) => {
        const body: Record<string, unknown> = { ...rest };
        delete body[missing];
        return body;
      }),
    );
  }
  return fc.oneof(...arbitraries);
}

/** Raw bodies that are not JSON at all, sent as JSON. */
const malformedJson = fc.constantFrom(
  '{',
  '{"a":',
  '{"a" 1}',
  "{'a': 1}",
  '[1,2',
  '{"a":1,}',
  'undefined',
  'NaN',
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a":1}{"b":2}',
  '<xml/>',
  '--',
  '{"__proto__":',
  '\ufeff{}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":+1}',
  '{"a":Infinity}',
);

/** Content types a JSON endpoint must refuse or fail to read. */
const wrongContentTypes = fc.constantFrom(
  'text/plain',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/octet-stream',
  'application/json; charset=utf-7',
  'application/json; charset=klingon',
  'image/png',
  '*/*',
  'application/x-www-form-urlencoded',
);

/** Uploads that are not images (by content), too big, or with hostile file names. */
function hostileUpload(limitBytes: number): fc.Arbitrary<{ body: Buffer; contentType: string }> {
  const boundary = 'hostile-boundary-7MA4YWxkTrZu0gW';
  const part = (field: string, filename: string, type: string, content: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
  const notImages = fc.oneof(
    fc.constant(Buffer.from('#!/bin/sh\nrm -rf /\n')),
    fc.constant(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ),
    fc.constant(Buffer.from('GIF89a not really')),
    fc.constant(Buffer.from('%PDF-1.4\n')),
    fc
      .uint8Array({ minLength: 0, maxLength: 512 })
      .map((bytes) => Buffer.concat([Buffer.from('NOTANIMAGE'), Buffer.from(bytes)])),
  );
  const names = fc.constantFrom(
    '../../../../etc/passwd',
    '..\\..\\evil.png',
    'a.png\u0000.sh',
    '/etc/passwd',
    '.htaccess',
    'x'.repeat(300) + '.png',
    'evil.php.png',
    '',
  );
  return fc.oneof(
    fc
      .tuple(names, fc.constantFrom('image/png', 'image/jpeg', 'text/plain'), notImages)
      .map(([name, type, content]) => ({
        body: part('image', name, type, content),
        contentType: `multipart/form-data; boundary=${boundary}`,
      })),
    // Bigger than the upload limit (the server runs with a small one).
    fc.constant({
      body: part('image', 'big.png', 'image/png', Buffer.alloc(limitBytes + 4_096, 0x41)),
      contentType: `multipart/form-data; boundary=${boundary}`,
    }),
    fc.constant({
      body: part('not_image', 'a.png', 'image/png', Buffer.from('x')),
      contentType: `multipart/form-data; boundary=${boundary}`,
    }),
    fc.constant({
      body: Buffer.from('--wrong\r\n\r\n--wrong--'),
      contentType: `multipart/form-data; boundary=${boundary}`,
    }),
    fc.constant({ body: Buffer.from('{"image":"x"}'), contentType: 'application/json' }),
  );
}

/** Authorization headers that must never authenticate anyone. */
const hostileAuthorization = fc.oneof(
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Bearer a.b.c',
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
    'Basic',
    'Basic !!!',
    'Basic Og==',
    'Basic YTpi',
    'Digest x',
    'bearer',
    'Token abc',
  ),
  fc
    .string({
      unit: fc.constantFrom(
        ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_=+/ '.split(''),
      ),
      maxLength: 200,
    })
    .map((s) => `Bearer ${s}`),
  fc
    .string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789+/='.split('')),
      maxLength: 100,
    })
    .map((s) => `Basic ${s}`),
);

/** What a generated request does, for the report. */
export type AttackKind =
  'path' | 'query' | 'json' | 'malformed-json' | 'content-type' | 'upload' | 'auth' | 'method';

/** A generated request with what it attacks. */
export interface HostileRequest {
  readonly kind: AttackKind;
  readonly spec: RequestSpec;
}

/** The arbitrary of hostile requests against `operations`. */
export function hostileRequest(
  operations: readonly Operation[],
  credentials: Credentials,
  uploadLimitBytes: number,
): fc.Arbitrary<HostileRequest> {
  return fc.constantFrom(...operations).chain((op) => {
    const kinds: AttackKind[] = ['auth', 'method', 'query'];
    if (op.pathParams.length > 0) kinds.push('path', 'path', 'path');
    if (op.body?.contentType === 'application/json')
      kinds.push('json', 'json', 'json', 'json', 'malformed-json', 'content-type');
    if (op.body?.contentType === 'multipart/form-data') kinds.push('upload', 'upload', 'upload');
    // Logging out with a real token would change data (a revocation): only hostile tokens there.
    const realTokens = op.auth === 'bearer' && op.path !== '/auth/logout';
    const token = realTokens
      ? fc.constantFrom(credentials.userToken, credentials.doctorToken)
      : fc.constant(undefined);
    const pathValues = fc.tuple(...op.pathParams.map((p) => pathValue(p.schema)));
    const query = fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...op.queryParams.map((p) => p.name), 'limit', 'offset'),
          nasty,
          fc.constantFrom('__proto__', 'constructor[prototype]', 'a[b]', 'a[]'),
        ),
        fc.oneof(anyText, hugeText, fc.constantFrom(...badNumbers.map(String))),
      ),
      { minLength: 1, maxLength: 4 },
    );
    return fc
      .record({
        kind: fc.constantFrom(...kinds),
        token,
        pathValues,
        query,
        json:
          op.body?.contentType === 'application/json'
            ? invalidJson(op.body.schema)
            : fc.constant('{}'),
        malformed: malformedJson,
        contentType: wrongContentTypes,
        upload: hostileUpload(uploadLimitBytes),
        authorization: hostileAuthorization,
        method: fc
          .constantFrom('DELETE', 'PATCH', 'PUT', 'POST', 'GET', 'OPTIONS')
          .filter((m) => m !== op.method),
      })
      .map((r): HostileRequest => {
        let path = op.path;
        op.pathParams.forEach((param, i) => {
          const { raw, value } = r.pathValues[i]!;
          path = path.replace(`{${param.name}}`, raw ? value : pct(value) || '%20');
        });
        const headers: Record<string, string> = {};
        if (r.token !== undefined) headers.authorization = `Bearer ${r.token}`;
        // Anything but the kinds below sends `{}`: a body no write endpoint accepts (every one has required fields).
        let body: string | Buffer | undefined = op.body ? '{}' : undefined;
        if (op.body?.contentType === 'application/json')
          headers['content-type'] = 'application/json';
        if (op.body?.contentType === 'multipart/form-data') {
          headers['content-type'] = 'text/plain';
          body = 'no upload';
        }
        let method = op.method;
        switch (r.kind) {
          case 'query':
            path += `?${r.query.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&')}`;
            break;
          case 'json':
            body = r.json;
            break;
          case 'malformed-json':
            body = r.malformed;
            break;
          case 'content-type':
            headers['content-type'] = r.contentType;
            body = r.contentType.includes('urlencoded') ? 'name=%27%20OR%201%3D1&age=-1' : 'a=1';
            break;
          case 'upload':
            headers['content-type'] = r.upload.contentType;
            body = r.upload.body;
            break;
          case 'auth':
            headers.authorization = r.authorization;
            break;
          case 'method':
            method = r.method;
            break;
          case 'path':
            break;
        }
        // Logout and login only ever see hostile credentials.
        if (op.path === '/auth/logout' || op.path === '/auth/get_token')
          headers.authorization = r.authorization;
        return {
          kind: r.kind,
          spec: { method, path, headers, ...(body !== undefined && { body }) },
        };
      });
  });
}
