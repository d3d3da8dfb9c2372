import { createHash } from 'node:crypto';

// The waiting-room page: one self-contained document (no external resources), its style and
// script inline and allowed by their hashes, so the CSP can forbid everything else. The
// script finds the sitting id in its own URL, so the page is the same bytes for every sitting.

const style = `
:root { color-scheme: dark; --bg: #0b1d2a; --fg: #f4f7f9; --dim: #9fb3c2; --accent: #ffd23f; --warn: #ff8a3d; }
* { box-sizing: border-box; margin: 0; }
html, body { height: 100%; }
body { background: var(--bg); color: var(--fg); font: 4vmin/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  display: flex; flex-direction: column; padding: 3vmin 4vmin; gap: 2vmin; }
header { display: flex; justify-content: space-between; align-items: baseline; gap: 2vmin; }
h1 { font-size: 5vmin; font-weight: 600; }
#when { color: var(--dim); font-size: 4vmin; }
#state { font-size: 3.2vmin; padding: .4vmin 1.6vmin; border-radius: 1vmin; background: #183447; color: var(--dim); }
#state.reconnecting, #state.missing { background: var(--warn); color: #1b0d00; font-weight: 700; }
main { flex: 1; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr); gap: 4vmin; min-height: 0; }
.serving { display: flex; flex-direction: column; justify-content: center; align-items: center; background: #12293a; border-radius: 3vmin; }
.label { color: var(--dim); font-size: 4.5vmin; text-transform: uppercase; letter-spacing: .1em; }
#now { font-size: 34vmin; font-weight: 800; line-height: 1; color: var(--accent); font-variant-numeric: tabular-nums; }
#waiting-count { font-size: 4.5vmin; color: var(--dim); }
.queue { display: flex; flex-direction: column; min-height: 0; }
ol { list-style: none; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 1.5vmin 4vmin; overflow: hidden; }
li { display: flex; justify-content: space-between; align-items: baseline; font-size: 8vmin; font-weight: 700;
  font-variant-numeric: tabular-nums; border-bottom: .3vmin solid #24465e; padding-bottom: .6vmin; }
li .time { font-size: 6vmin; font-weight: 500; color: var(--dim); }
li.checked_in .time::after { content: " \\2713"; color: var(--accent); }
#message { font-size: 6vmin; text-align: center; margin: auto; }
[hidden] { display: none !important; }
`;

const script = `
(() => {
  const id = location.pathname.split('/').filter(Boolean).pop();
  const $ = (sel) => document.querySelector(sel);
  const hhmm = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  const say = (state, text) => { const el = $('#state'); el.className = state; el.textContent = text; };
  let source;

  function render(board) {
    document.body.dataset.version = String(board.version);
    $('#board').hidden = false;
    $('#message').hidden = true;
    $('#doctor').textContent = board.doctor_name;
    $('#when').textContent = new Date(board.date + 'T12:00:00Z').toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long' })
      + (board.status === 'in_progress' && board.started_at ? ' \\u00b7 started ' + hhmm(board.started_at) : '')
      + (board.status === 'scheduled' ? ' \\u00b7 not started' : '')
      + (board.status === 'completed' ? ' \\u00b7 finished' : '')
      + (board.status === 'cancelled' ? ' \\u00b7 cancelled' : '');
    $('#now').textContent = board.now_serving == null ? '\\u2013' : String(board.now_serving);
    $('#waiting-count').textContent = board.waiting === 1 ? '1 waiting' : board.waiting + ' waiting';
    const list = $('#queue');
    list.replaceChildren(...board.queue
      .filter((entry) => entry.status === 'booked' || entry.status === 'checked_in')
      .slice(0, 12)
      .map((entry) => {
        const item = document.createElement('li');
        item.className = entry.status;
        item.dataset.queueNumber = String(entry.queue_number);
        const number = document.createElement('span');
        number.textContent = String(entry.queue_number);
        const time = document.createElement('span');
        time.className = 'time';
        time.textContent = entry.expected_at ? hhmm(entry.expected_at) : '';
        item.append(number, time);
        return item;
      }));
  }

  function missing() {
    say('missing', 'not found');
    $('#board').hidden = true;
    $('#message').hidden = false;
    $('#message').textContent = 'Sitting not found.';
  }

  // EventSource does not say why a stream failed: a 404 closes it for good, so ask once.
  async function diagnose() {
    try {
      const reply = await fetch('/sittings/' + id + '/board', { cache: 'no-store' });
      if (reply.status === 404 || reply.status === 400) return missing();
    } catch {}
    say('reconnecting', 'reconnecting\\u2026');
    setTimeout(connect, 3000);
  }

  function connect() {
    source = new EventSource('/sittings/' + id + '/board/live');
    source.addEventListener('board', (event) => { say('live', 'live'); render(JSON.parse(event.data)); });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) { source.close(); void diagnose(); }
      else say('reconnecting', 'reconnecting\\u2026');
    });
  }

  connect();
})();
`;

/** `'sha256-…'` of an inline element's exact text, as CSP matches it. */
function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page's bytes: the same for every sitting. */
export const boardPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Waiting room</title>
<style>${style}</style>
</head>
<body>
<header><h1 id="doctor">Waiting room</h1><span id="when"></span><span id="state">connecting\u2026</span></header>
<main id="board" hidden>
  <section class="serving"><div class="label">Now serving</div><div id="now">\u2013</div><div id="waiting-count"></div></section>
  <section class="queue"><div class="label">Next</div><ol id="queue"></ol></section>
</main>
<p id="message">Connecting\u2026</p>
<script>${script}</script>
</body>
</html>
`;

/**
 * The page's Content-Security-Policy: nothing but its own inline style and script (by hash)
 * and connections to this origin (the stream, and the 404 check).
 */
export const boardPageCsp = [
  "default-src 'none'",
  `style-src ${hashSource(style)}`,
  `script-src ${hashSource(script)}`,
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');
