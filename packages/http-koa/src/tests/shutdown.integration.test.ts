import { request, type ClientRequest } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorAccount } from '../test-support/api.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

let t: TestServer;
let doctor: DoctorAccount;

beforeAll(async () => {
  t = await startTestServer();
  doctor = await t.api.doctor('Shutdown');
});
afterAll(() => t.close());

/** Starts an upload whose body the test sends in two halves, to hold the request in flight. */
function slowUpload(
  body: Buffer,
  boundary: string,
): { req: ClientRequest; answered: Promise<{ status: number; text: string }> } {
  const url = new URL(`${t.base}/doctors/image`);
  let req!: ClientRequest;
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${doctor.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': body.length,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
  });
  return { req, answered };
}

describe('close()', () => {
  it('stops accepting connections but finishes the request in flight', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: 'blue' } })
      .png()
      .toBuffer();
    const boundary = 'doctorly-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const { req, answered } = slowUpload(body, boundary);
    req.write(body.subarray(0, 100));
    await delay(300);
    const closing = t.server.close();
    await delay(200);
    req.end(body.subarray(100));
    const reply = await answered;
    expect(reply.status, reply.text).toBe(200);
    await closing;
    await expect(fetch(`${t.base}/healthz`)).rejects.toThrow();
  });
});
