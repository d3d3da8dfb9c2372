import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnTs, startServer, type ServerProcess } from '../reliability/support/server-process.js';

/** The demo set's password: the demo patient's, and the one the test gives its doctor. */
const password = 'doctorly-demo';
const doctorEmail = 'board.demo.test@example.com';

/**
 * A fixed-offset zone where it is morning now, for the script's "today" (it adds its slot in
 * its machine's zone): whatever the hour of the run, the demo sitting ends before midnight.
 */
function morningZone(): string {
  const offset = Math.max(-12, Math.min(14, 8 - new Date().getUTCHours()));
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** Runs `npm run demo:board -- …args` (the script itself, as npm does) to its end. */
async function demoBoard(
  url: string,
  args: readonly string[],
): Promise<{ code: number | null; output: string }> {
  const child = spawnTs('scripts/demo-board.ts', ['--url', url, '--every', '0.2', ...args], {
    TZ: morningZone(),
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

interface Board {
  readonly status: string;
  readonly now_serving: number | null;
  readonly waiting: number;
  readonly queue: readonly { queue_number: number; status: string }[];
}

async function boardOf(url: string, output: string): Promise<{ id: string; board: Board }> {
  const id = /\/board\/sittings\/(\d+)/.exec(output)?.[1];
  expect(id, output).toBeDefined();
  const response = await fetch(`${url}/sittings/${id}/board`);
  expect(response.status).toBe(200);
  return { id: id!, board: (await response.json()) as Board };
}

describe('npm run demo:board against a real server on the embedded default', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    // A new data folder: the server loads the demo set (the demo patient and family).
    server = await startServer({ DEMO_DATA: 'true' });
    // A doctor of the test's own, with no slot: the run does not depend on today's weekday.
    const registered = await fetch(`${server.url}/doctors/new`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Board Demo Test',
        email: doctorEmail,
        password,
        description: 'A doctor for the board demo test.',
      }),
    });
    expect(registered.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('starts a sitting of today, prints its board page and calls the next patients', async () => {
    const { code, output } = await demoBoard(server.url, ['--doctor', doctorEmail, '--calls', '2']);
    expect(code, output).toBe(0);
    expect(output).toContain('Added a slot');
    expect(output).toMatch(/Now serving number 1 \(5 still waiting\)/);
    expect(output).toMatch(/Now serving number 2 \(4 still waiting\)/);
    const { id, board } = await boardOf(server.url, output);
    expect(board).toMatchObject({ status: 'in_progress', now_serving: 2, waiting: 4 });
    expect(board.queue.map((a) => [a.queue_number, a.status])).toEqual([
      [1, 'completed'],
      [2, 'in_consultation'],
      [3, 'booked'],
      [4, 'booked'],
      [5, 'booked'],
      [6, 'booked'],
    ]);
    const page = await fetch(`${server.url}/board/sittings/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('run again the same day, goes on with the same sitting while patients wait', async () => {
    const { code, output } = await demoBoard(server.url, ['--doctor', doctorEmail, '--calls', '1']);
    expect(code, output).toBe(0);
    expect(output).not.toContain('Added a slot');
    expect(output).toMatch(/Now serving number 3 \(3 still waiting\)/);
    expect((await boardOf(server.url, output)).board).toMatchObject({ now_serving: 3, waiting: 3 });
  });

  it('says plainly when no server answers', async () => {
    const { code, output } = await demoBoard('http://127.0.0.1:9', ['--calls', '1']);
    expect(code).toBe(1);
    expect(output).toContain('Is the server running? Start it with `npm start`.');
  });
});
