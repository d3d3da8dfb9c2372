import { tagsForEvent } from '../cache/tags-for-event.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { DoctorId, SittingId } from '../shared/primitives.js';
import type { Cache } from '../cache/cache.js';
import type { DoctorSearchIndex } from '../search/doctor-search-index.js';
import type { OutboxEntry, OutboxStore } from './outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { toDoctorView } from '../doctors/to-doctor-view.js';
import type { LiveChannel } from '../live/live-channel.js';
import { sittingNotice, sittingTopic } from '../live/sitting-topic.js';

/** Tuning of {@link RelayOutbox}. @category Use cases */
export interface RelayOutboxOptions {
  /** Failed attempts after which an entry is parked for good (default 8). */
  readonly maxAttempts?: number;
  /** The longest wait between two attempts, in seconds (default 3600). */
  readonly maxBackoffSeconds?: number;
}

/** What one pass did. @category Use cases */
export interface RelayOutboxResult {
  readonly claimed: number;
  readonly applied: number;
  /** Failed and scheduled for a retry. */
  readonly failed: number;
  /** Failed for the last time and given up on. */
  readonly parked: number;
}

/**
 * Worker step (and the server's after-commit hook): claims due outbox entries and applies
 * them to the search index and the cache. Each doctor named by the batch is re-read once
 * and its search document upserted (or removed when the doctor is gone), so the result does
 * not depend on the order or the number of times events arrive (an index that keeps no
 * documents of its own, such as PostgreSQL's, is left alone: see `keepsDocuments`). Then the
 * entries' cache tags are invalidated (after the index, so a re-filled search cache is not stale).
 * Last, each sitting named by the applied entries gets one notice on its
 * {@link sittingTopic} (after the invalidation, so a receiver that re-reads gets the new
 * state), on every replica through the {@link LiveChannel}: best effort, a notice that
 * cannot be sent never fails or retries its entries. A failing entry is retried with
 * exponential backoff and parked after `maxAttempts`; it never keeps the rest of its batch
 * from being applied.
 * @category Use cases
 */
export class RelayOutbox {
  private readonly maxAttempts: number;
  private readonly maxBackoffSeconds: number;

  constructor(
    private readonly store: OutboxStore,
    private readonly uow: UnitOfWork,
    private readonly cache: Cache,
    private readonly index: DoctorSearchIndex,
    private readonly live: LiveChannel,
    options: RelayOutboxOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.maxBackoffSeconds = options.maxBackoffSeconds ?? 3600;
  }

  async execute(limit: number, leaseSeconds: number, now: Date): Promise<RelayOutboxResult> {
    const entries = await this.store.claim(limit, leaseSeconds, now);
    const errors = new Map<number, string>();
    const byDoctor = new Map<DoctorId, number[]>();
    const tags = new Map<number, readonly string[]>();
    for (const entry of entries) {
      try {
        tags.set(entry.id, tagsForEvent(entry.event));
        for (const doctorId of await this.doctorsOf(entry.event)) {
          byDoctor.set(doctorId, [...(byDoctor.get(doctorId) ?? []), entry.id]);
        }
      } catch (error) {
        errors.set(entry.id, messageOf(error));
      }
    }
    // An index that reads PostgreSQL itself holds no document to refresh: re-reading each
    // doctor's snapshot (a heavy query, one per booking under load) would be wasted.
    for (const [doctorId, entryIds] of this.index.keepsDocuments ? byDoctor : []) {
      try {
        await this.refreshDocument(doctorId, now);
      } catch (error) {
        for (const id of entryIds) if (!errors.has(id)) errors.set(id, messageOf(error));
      }
    }
    await this.invalidate(
      entries.filter((e) => !errors.has(e.id)),
      tags,
      errors,
    );
    const appliedEntries = entries.filter((e) => !errors.has(e.id));
    await this.notify(appliedEntries);
    const applied = appliedEntries.map((e) => e.id);
    if (applied.length > 0) await this.store.complete(applied, now);
    let parked = 0;
    for (const entry of entries) {
      const error = errors.get(entry.id);
      if (error === undefined) continue;
      const retryAt = this.retryAt(entry, now);
      if (retryAt === null) parked += 1;
      await this.store.fail(entry.id, error, retryAt);
    }
    return {
      claimed: entries.length,
      applied: applied.length,
      failed: errors.size - parked,
      parked,
    };
  }

  /** The doctors whose search document an event may change. */
  private async doctorsOf(event: DomainEvent): Promise<DoctorId[]> {
    switch (event.type) {
      case 'doctor.changed':
      case 'sitting.changed':
      case 'appointment.changed':
      case 'appointment.booked':
      case 'waitlist.promoted':
        return [event.doctorId];
      case 'user.changed': {
        // A doctor's document shows the user's name and email.
        const doctor = await this.uow.read.doctors.findByUserId(event.userId);
        return doctor ? [doctor.id] : [];
      }
      case 'patient.changed':
      case 'catalog.changed':
        return [];
    }
  }

  private async refreshDocument(doctorId: DoctorId, now: Date): Promise<void> {
    const snapshot = await this.uow.read.doctors.snapshot(doctorId);
    if (snapshot) await this.index.upsert(toDoctorView(snapshot, now));
    else await this.index.remove(doctorId);
  }

  /** One notice per distinct sitting of `entries`; a publish that throws anyway is ignored. */
  private async notify(entries: readonly OutboxEntry[]): Promise<void> {
    const sittings = new Set<SittingId>();
    for (const { event } of entries) {
      const sittingId = sittingOf(event);
      if (sittingId !== undefined) sittings.add(sittingId);
    }
    await Promise.all(
      [...sittings].map((id) =>
        this.live.publish(sittingTopic(id), sittingNotice(id)).catch(() => undefined),
      ),
    );
  }

  /** Invalidates the entries' tags at once; if that throws, entry by entry to isolate the culprit. */
  private async invalidate(
    entries: readonly OutboxEntry[],
    tags: ReadonlyMap<number, readonly string[]>,
    errors: Map<number, string>,
  ): Promise<void> {
    const all = [...new Set(entries.flatMap((e) => tags.get(e.id) ?? []))];
    if (all.length === 0) return;
    try {
      await this.cache.invalidateTags(all);
      return;
    } catch {
      // Fall through: find which entries fail.
    }
    for (const entry of entries) {
      try {
        await this.cache.invalidateTags(tags.get(entry.id) ?? []);
      } catch (error) {
        errors.set(entry.id, messageOf(error));
      }
    }
  }

  /** When to retry after this failure: 2^attempts seconds, capped; `null` parks the entry. */
  private retryAt(entry: OutboxEntry, now: Date): Date | null {
    const attempts = entry.attempts + 1;
    if (attempts >= this.maxAttempts) return null;
    const seconds = Math.min(2 ** attempts, this.maxBackoffSeconds);
    return new Date(now.getTime() + seconds * 1000);
  }
}

/**
 * The sitting whose board or appointments' live views an event changes. Read from the event's
 * `sittingId` whatever its type, so an event type added later that names a sitting is
 * announced without touching the relay.
 */
function sittingOf(event: DomainEvent): SittingId | undefined {
  return 'sittingId' in event ? event.sittingId : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
