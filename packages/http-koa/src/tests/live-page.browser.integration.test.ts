// The waiting-room page in headless Chromium: it shows the current board, follows changes
// made through the API without a reload, says so when the sitting does not exist or the
// stream drops, and loads nothing from elsewhere. Writes the screenshot docs/images/board.png.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../test-support/harness.js';
import { bookedSitting, type BookedSitting } from '../test-support/live.js';

const chromium = '/usr/bin/chromium';
// The docs' screenshot is rewritten only when asked (UPDATE_SCREENSHOTS=1), so that a test
// run leaves the working tree clean; otherwise it goes to a temporary folder.
const screenshot =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('../../../../docs/images/board.png', import.meta.url))
    : join(tmpdir(), `doctorly-board-${process.pid}.png`);

describe.runIf(existsSync(chromium))('the waiting-room page in headless Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let sitting: BookedSitting;

  beforeAll(async () => {
    t = await startTestServer();
    const { chromium: launcher } = await import('playwright-core');
    browser = await launcher.launch({
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    sitting = await bookedSitting(t.api, {
      places: 20,
      bookings: 8,
      doctorName: 'Ayesha Khan',
      ...laterToday(),
    });
    // On the sitting's day the doctor can start it and call the first patient in: the board
    // then shows someone being served. Another day, it shows the queue before the start.
    const start = await t.api.post(
      `/doctors/sittings/${sitting.sittingId}/start`,
      {},
      sitting.doctor.token,
    );
    if (start.status === 200)
      await t.api.post(
        `/doctors/appointments/${sitting.appointments[0]!.id}/call`,
        {},
        sitting.doctor.token,
      );
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Opens the page, recording any request that leaves the server. */
  async function open(sittingId: number): Promise<{ page: Page; external: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(t.base)) external.push(request.url());
    });
    await page.goto(`${t.base}/board/sittings/${sittingId}`);
    return { page, external };
  }

  it('shows the current board: the waiting queue numbers with their expected times', async () => {
    const { page, external } = await open(sitting.sittingId);
    const board = (await t.api.get<Board>(`/sittings/${sitting.sittingId}/board`)).body;
    await page.waitForSelector(`body[data-version="${board.version}"]`, { state: 'attached' });
    const waiting = board.queue.filter((e) => e.status === 'booked' || e.status === 'checked_in');
    const shown = await page.locator('#queue li').count();
    const numbers: number[] = [];
    for (const item of await page.locator('#queue li').all())
      numbers.push(Number(await item.getAttribute('data-queue-number')));
    expect(shown).toBe(Math.min(12, waiting.length));
    expect(numbers).toEqual(waiting.slice(0, 12).map((e) => e.queue_number));
    const times = await page.locator('#queue li .time').allTextContents();
    for (const time of times) expect(time).toMatch(/^\d\d:\d\d$/);
    expect(await page.locator('#waiting-count').textContent()).toBe(`${board.waiting} waiting`);
    expect(await page.locator('#now').textContent()).toBe(
      board.now_serving === null ? '\u2013' : String(board.now_serving),
    );
    expect(await page.locator('#state').textContent()).toBe('live');
    expect(external).toEqual([]);
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    if (process.env.UPDATE_SCREENSHOTS !== '1') rmSync(screenshot);
    await page.close();
  });

  it('shows a change made through the API without a reload', async () => {
    const { page } = await open(sitting.sittingId);
    const before = (await t.api.get<Board>(`/sittings/${sitting.sittingId}/board`)).body;
    await page.waitForSelector(`body[data-version="${before.version}"]`, { state: 'attached' });
    // A mark on the window: a reload would lose it.
    await page.evaluate('window.mark = 1');
    const target = sitting.appointments[2]!;
    const reply = await t.api.post(
      `/doctors/appointments/${target.id}/check_in`,
      {},
      sitting.doctor.token,
    );
    expect(reply.status, reply.text).toBe(200);
    await page.waitForSelector(`#queue li.checked_in[data-queue-number="${target.queue_number}"]`);
    const after = (await t.api.get<Board>(`/sittings/${sitting.sittingId}/board`)).body;
    expect(after.version).toBeGreaterThan(before.version);
    await page.waitForSelector(`body[data-version="${after.version}"]`, { state: 'attached' });
    expect(await page.evaluate('window.mark')).toBe(1);
    await page.close();
  });

  it('says "Sitting not found." for a sitting that does not exist', async () => {
    const { page } = await open(987654321);
    await page.locator('#message', { hasText: 'Sitting not found.' }).waitFor();
    expect(await page.locator('#board').isHidden()).toBe(true);
    await page.close();
  });

  // Last: it stops the server.
  it('shows "reconnecting" when the stream drops', async () => {
    const { page } = await open(sitting.sittingId);
    await page.waitForSelector('#state.live');
    await t.server.close();
    await page.waitForSelector('#state.reconnecting');
    expect(await page.locator('#state').textContent()).toBe('reconnecting\u2026');
    await page.close();
  });
});

describe.skipIf(existsSync(chromium))('the waiting-room page in headless Chromium', () => {
  it('is skipped: /usr/bin/chromium is absent', () => {
    console.warn('[skip] board page browser test: /usr/bin/chromium is absent (CI installs it).');
  });
});

interface Board {
  version: number;
  waiting: number;
  now_serving: number | null;
  queue: { queue_number: number; status: string; expected_at: string | null }[];
}

/**
 * A slot that sits later today (UTC, the tests' time zone) when the day leaves room for its
 * 100 minutes, so its next sitting is today's; else Wednesdays.
 */
function laterToday(): { day: string; start: string } {
  const now = new Date();
  const minutes = Math.ceil((now.getUTCHours() * 60 + now.getUTCMinutes() + 10) / 5) * 5;
  if (minutes + 100 >= 24 * 60) return { day: 'wednesday', start: '08:00' };
  const day = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][
    now.getUTCDay()
  ]!;
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { day, start: hhmm };
}
