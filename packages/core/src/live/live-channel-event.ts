/**
 * What a {@link LiveChannel} adapter reports to its host's log: the port never throws on
 * publish and isolates listeners, so this is where its trouble becomes visible.
 * @category Live
 */
export type LiveChannelEvent =
  /** A notice could not be sent; it is dropped (best effort). */
  | { readonly type: 'publish-failed'; readonly topic: string; readonly error: unknown }
  /** A notice is larger than the transport carries (PostgreSQL: under 8000 bytes); dropped. */
  | {
      readonly type: 'payload-too-large';
      readonly topic: string;
      readonly bytes: number;
      readonly limit: number;
    }
  /** A listener threw; the others still got the notice. */
  | { readonly type: 'listener-failed'; readonly topic: string; readonly error: unknown }
  /** The receiving connection died; it is reopened with back-off. */
  | { readonly type: 'connection-lost'; readonly error: unknown }
  /** The receiving connection is (again) up and every subscription active. */
  | { readonly type: 'listening' }
  /** A subscription could not be confirmed in time; it becomes active when the connection returns. */
  | { readonly type: 'subscribe-pending'; readonly topic: string };

/** Receives {@link LiveChannelEvent}s; must not throw (a throw is ignored). @category Live */
export type LiveChannelEventListener = (event: LiveChannelEvent) => void;

/** Calls `listener` with `event`, ignoring a throw: reporting trouble must not cause more. */
export function reportLiveEvent(
  listener: LiveChannelEventListener | undefined,
  event: LiveChannelEvent,
): void {
  try {
    listener?.(event);
  } catch {
    // A faulty log hook must not break delivery.
  }
}
