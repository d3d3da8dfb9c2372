import cliProgress from 'cli-progress';
import type { CliIo } from '../command.js';

/** A progress callback drawing a bar on stderr when `show`, else a no-op; `stop()` ends the bar. */
export function progressBar(
  io: CliIo,
  label: string,
  show: boolean,
): { readonly update: (done: number, total: number) => void; readonly stop: () => void } {
  if (!show || !io.progressStream) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(10)} [{bar}] {percentage}% {value}/{total} {duration_formatted}`,
      stream: io.progressStream,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
