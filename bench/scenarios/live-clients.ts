import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SubscriberLog, SubscriberMessage } from './live-subscribers.js';

/** Subscribers per client process: 1,000 streams parse comfortably on one event loop. */
const perProcess = 1000;
/** How long opening every stream may take before the run is called off. */
const openTimeoutMs = 120_000;

/** The open streams of the client processes; `stop()` closes them and returns their notes. */
export interface Subscribers {
  readonly processes: number;
  readonly open: number;
  readonly failed: number;
  stop(): Promise<SubscriberLog[]>;
  /** Kills the client processes (after `stop`, or when the run failed). */
  kill(): void;
}

function next(child: ChildProcess, type: SubscriberMessage['type']): Promise<SubscriberMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`subscriber process sent no "${type}" within ${openTimeoutMs} ms`)),
      openTimeoutMs,
    );
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`subscriber process exited (${code}) before "${type}"`));
    };
    child.once('exit', onExit);
    child.on('message', function listener(message: SubscriberMessage) {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', listener);
      child.off('exit', onExit);
      resolve(message);
    });
  });
}

/**
 * Forks client processes (with this process's loader flags, so tsx runs the TypeScript) and
 * has them open one stream per entry of `boards` (a sitting id per subscriber). Resolves once
 * every stream received its first event or failed.
 */
export async function openSubscribers(
  url: string,
  boards: readonly number[],
): Promise<Subscribers> {
  const processes = Math.max(1, Math.ceil(boards.length / perProcess));
  const script = fileURLToPath(new URL('./live-subscribers.ts', import.meta.url));
  const children = Array.from({ length: processes }, () =>
    fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const kill = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    const ready = await Promise.all(
      children.map((child, p) => {
        const answer = next(child, 'ready');
        child.send({ type: 'open', url, boards: boards.filter((_, i) => i % processes === p) });
        return answer;
      }),
    );
    const counted = ready.map((m) => (m.type === 'ready' ? m : { open: 0, failed: 0 }));
    return {
      processes,
      open: counted.reduce((n, m) => n + m.open, 0),
      failed: counted.reduce((n, m) => n + m.failed, 0),
      async stop() {
        const results = await Promise.all(
          children.map((child) => {
            const answer = next(child, 'result');
            child.send({ type: 'stop' });
            return answer;
          }),
        );
        return results.flatMap((m) => (m.type === 'result' ? m.logs : []));
      },
      kill,
    };
  } catch (error) {
    kill();
    throw error;
  }
}
