/**
 * Makes a wait that holds every answer until the end of the event-loop turn that produced it
 * (awaited once the answer is ready), so that the answers of one turn leave together. An answer computed without any I/O (a cached read
 * served from the process) would otherwise be written at once, each write waking the peer on
 * its own: with the client or a proxy on the same host, those wake-ups were most of the
 * kernel time of a cached read (profiled with perf: ~7 % of the server's CPU in
 * `try_to_wake_up` under `writev`). One `setImmediate` per turn, shared by all its answers.
 */
export function endOfTurnWait(): () => Promise<void> {
  let turnEnd: Promise<void> | undefined;
  return () =>
    (turnEnd ??= new Promise((resolve) => {
      setImmediate(() => {
        turnEnd = undefined;
        resolve();
      });
    }));
}
