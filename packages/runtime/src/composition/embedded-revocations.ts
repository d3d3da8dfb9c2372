import type { Clock, TokenRevocationStore } from '@doctorly/core';

/** The durable side of {@link EmbeddedRevocationStore}: the PostgreSQL adapter on PGlite. */
export interface DurableRevocations {
  revoke(tokenId: string, expiresAt: Date): Promise<void>;
  /** Every revocation whose token expires after `now`, read at one point in time. */
  listUnexpired(now: Date): Promise<readonly { tokenId: string; expiresAt: Date }[]>;
}

/** Expired entries are swept after this many revocations (a revoked token is rarely asked about again). */
const sweepEvery = 256;

/**
 * {@link TokenRevocationStore} of the embedded default, held in process memory and trusted:
 * one process owns the PGlite database (PGlite admits one opening at a time), so nobody
 * else can revoke a token behind its back. A revocation is written to the database first
 * (it survives a restart) and then remembered; {@link load} reads the unexpired ones at
 * start. `isRevoked`, asked on every authenticated request, never touches the database
 * once loaded — before that it asks the database, so it is never wrong.
 * @category Composition
 */
export class EmbeddedRevocationStore implements TokenRevocationStore {
  private readonly revoked = new Map<string, number>();
  private loaded = false;
  private writes = 0;

  constructor(
    private readonly durable: DurableRevocations & Pick<TokenRevocationStore, 'isRevoked'>,
    private readonly clock: Clock,
  ) {}

  /** Reads every unexpired revocation from the database; returns how many. Call once at start. */
  async load(): Promise<number> {
    const rows = await this.durable.listUnexpired(this.clock.now());
    for (const { tokenId, expiresAt } of rows) this.remember(tokenId, expiresAt.getTime());
    this.loaded = true;
    return rows.length;
  }

  async revoke(tokenId: string, expiresAt: Date): Promise<void> {
    // Durable first: a revocation answered from memory but lost at a crash would come back to life.
    await this.durable.revoke(tokenId, expiresAt);
    if (expiresAt.getTime() > this.clock.now().getTime())
      this.remember(tokenId, expiresAt.getTime());
    if (++this.writes % sweepEvery === 0) this.sweep();
  }

  isRevoked(tokenId: string): Promise<boolean> {
    if (!this.loaded) return this.durable.isRevoked(tokenId);
    const until = this.revoked.get(tokenId);
    return Promise.resolve(until !== undefined && until > this.clock.now().getTime());
  }

  private remember(tokenId: string, until: number): void {
    this.revoked.set(tokenId, Math.max(until, this.revoked.get(tokenId) ?? 0));
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [tokenId, until] of this.revoked) if (until <= now) this.revoked.delete(tokenId);
  }
}
