/**
 * How the server's live streams behave. Defaults suit production; tests shorten the
 * intervals and shrink the buffer.
 * @category Adapters
 */
export interface LiveOptions {
  /** How often a `: heartbeat` comment is written to every stream (proxies close silent ones). */
  readonly heartbeatMs: number;
  /**
   * How often every watched board is re-read without a notice: expected times move with the
   * clock alone. An event is sent only if the JSON changed (with the same `id`).
   */
  readonly rerenderMs: number;
  /**
   * Bytes a stream may have queued in the process (beyond what the kernel's socket buffers
   * took) before its client is judged stalled, dropped and closed.
   */
  readonly bufferLimitBytes: number;
  /** The `retry:` hint: how long a client waits before reconnecting. */
  readonly retryMs: number;
}

/** The production settings of {@link LiveOptions}. @category Adapters */
export const defaultLiveOptions: LiveOptions = {
  heartbeatMs: 15_000,
  rerenderMs: 30_000,
  bufferLimitBytes: 256 * 1024,
  retryMs: 3_000,
};
