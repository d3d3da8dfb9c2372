import type { DoctorView, SpecializationView } from '@doctorly/core';
import { request as httpRequest } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareImage } from '../uploads/image.js';
import { errorOf, type Account, type DoctorAccount, type Reply } from '../test-support/api.js';
import { startTestServer, testPublicUrl, type TestServer } from '../test-support/harness.js';

let t: TestServer;
let doctor: DoctorAccount;
let user: Account;
let admin: Account;

/** A real image made with sharp: a gradient-free solid colour is enough to be decodable. */
function image(width: number, height: number, format: 'png' | 'jpeg' | 'webp'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .toFormat(format)
    .toBuffer();
}

function upload(
  path: string,
  token: string,
  bytes: Uint8Array,
  filename: string,
  type: string,
  field = 'image',
): Promise<Reply> {
  const form = new FormData();
  form.append(field, new Blob([bytes], { type }), filename);
  return t.api.request('POST', path, { token, body: form });
}

/** {@link upload} on a connection of its own, closed after the answer (fetch would pool it). */
async function uploadAlone(
  path: string,
  token: string,
  bytes: Uint8Array,
  filename: string,
  type: string,
): Promise<Reply> {
  const form = new FormData();
  form.append('image', new Blob([bytes], { type }), filename);
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(path, t.base),
      {
        agent: false,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': encoded.headers.get('content-type')!,
          'content-length': body.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: new Headers(),
            body: JSON.parse(text) as unknown,
            text,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  t = await startTestServer({ env: { UPLOAD_LIMIT_KB: '64' } });
  doctor = await t.api.doctor('Pictured');
  user = await t.api.user('Plain');
  const email = `admin-${Date.now()}@example.com`;
  await t.runtime.useCases.createAdmin.execute({ name: 'Admin', email, password: 'password-123' });
  admin = {
    email,
    password: 'password-123',
    token: await t.api.login(email, 'password-123'),
    userId: 0,
  };
});
afterAll(() => t.close());

describe('prepareImage', () => {
  it('shrinks to fit 500×375 keeping the aspect, never enlarging, in the same format', async () => {
    const big = await prepareImage(await image(1000, 500, 'png'));
    expect(big.contentType).toBe('image/png');
    expect(await sharp(big.bytes).metadata()).toMatchObject({
      format: 'png',
      width: 500,
      height: 250,
    });
    const small = await prepareImage(await image(100, 80, 'jpeg'));
    expect(await sharp(small.bytes).metadata()).toMatchObject({
      format: 'jpeg',
      width: 100,
      height: 80,
    });
    const webp = await prepareImage(await image(400, 800, 'webp'));
    expect(await sharp(webp.bytes).metadata()).toMatchObject({
      format: 'webp',
      width: 188,
      height: 375,
    });
  });

  it('refuses text, SVG, GIF and truncated images as UNSUPPORTED_IMAGE', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
      .gif()
      .toBuffer();
    const png = await image(50, 50, 'png');
    for (const bytes of [
      Buffer.from('hello, I am text'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      gif,
      png.subarray(0, 40),
    ]) {
      await expect(prepareImage(bytes)).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
    }
  });
});

describe('POST /doctors/image', () => {
  it('accepts a real PNG, resizes it, and serves it back at the absolute URL', async () => {
    const reply = await upload(
      '/doctors/image',
      doctor.token,
      await image(1200, 900, 'png'),
      'me.png',
      'image/png',
    );
    expect(reply.status, reply.text).toBe(200);
    const view = reply.body as DoctorView;
    expect(view.image).toMatch(
      new RegExp(`^${testPublicUrl}/static/doctors/[A-Za-z0-9_-]+\\.png$`),
    );
    const path = view.image!.slice(testPublicUrl.length);
    const served = await fetch(`${t.base}${path}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({
      width: 500,
      height: 375,
    });
    const info = await t.api.get<DoctorView>('/doctors/info', doctor.token);
    expect(info.body.image).toBe(view.image);
  });

  it('judges by content: a text file named x.png is refused with 415', async () => {
    const reply = await upload(
      '/doctors/image',
      doctor.token,
      Buffer.from('not an image at all'),
      'x.png',
      'image/png',
    );
    expect(reply.status).toBe(415);
    expect(errorOf(reply).code).toBe('UNSUPPORTED_IMAGE');
  });

  it('refuses an upload over the limit with 413', async () => {
    const noise = await sharp(
      Buffer.alloc(300 * 300 * 3, 0).map(() => Math.floor(Math.random() * 256)),
      { raw: { width: 300, height: 300, channels: 3 } },
    )
      .png()
      .toBuffer();
    expect(noise.length).toBeGreaterThan(64 * 1024);
    // On a connection of its own: how a connection is left after a refused body is not what
    // this test is about, and the next test must not inherit it.
    const reply = await uploadAlone('/doctors/image', doctor.token, noise, 'big.png', 'image/png');
    expect(reply.status, reply.text).toBe(413);
    expect(errorOf(reply).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('needs the field "image", a doctor and a token', async () => {
    const missing = await upload(
      '/doctors/image',
      doctor.token,
      await image(10, 10, 'png'),
      'a.png',
      'image/png',
      'picture',
    );
    expect(missing.status).toBe(400);
    expect(errorOf(missing).errors?.map((e) => e.field)).toEqual(['image']);
    const notDoctor = await upload(
      '/doctors/image',
      user.token,
      await image(10, 10, 'png'),
      'a.png',
      'image/png',
    );
    expect(errorOf(notDoctor).code).toBe('NOT_A_DOCTOR');
    const anonymous = await upload(
      '/doctors/image',
      '',
      await image(10, 10, 'png'),
      'a.png',
      'image/png',
    );
    expect(anonymous.status).toBe(401);
  });
});

describe('POST /misc/image/{specialization_id}', () => {
  it('lets an admin set a specialization image, and no one else', async () => {
    const jpeg = await image(800, 600, 'jpeg');
    const refused = await upload('/misc/image/1', user.token, jpeg, 'a.jpg', 'image/jpeg');
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    const set = await upload('/misc/image/1', admin.token, jpeg, 'a.jpg', 'image/jpeg');
    expect(set.status, set.text).toBe(200);
    const view = set.body as SpecializationView;
    expect(view.image).toMatch(new RegExp(`^${testPublicUrl}/static/specializations/.+\\.jpg$`));
    const listed = await t.api.get<SpecializationView[]>('/misc/specializations', user.token);
    expect(listed.body.find((s) => s.id === 1)?.image).toBe(view.image);
    const unknown = await upload('/misc/image/999999', admin.token, jpeg, 'a.jpg', 'image/jpeg');
    expect(errorOf(unknown).code).toBe('SPECIALIZATION_NOT_FOUND');
    const invalid = await upload('/misc/image/abc', admin.token, jpeg, 'a.jpg', 'image/jpeg');
    expect(invalid.status).toBe(400);
    expect((await upload('/misc/image/1', '', jpeg, 'a.jpg', 'image/jpeg')).status).toBe(401);
  });
});

describe('GET /static', () => {
  it('serves only stored images: no traversal, no unknown names', async () => {
    for (const path of [
      '/static/doctors/..%2F..%2Fjwt-secret',
      '/static/../jwt-secret',
      '/static/doctors/nope.png',
      '/static/etc/passwd.png',
      '/static/doctors/a.txt',
    ]) {
      const reply = await t.api.get(path);
      expect([400, 404], path).toContain(reply.status);
    }
  });
});
