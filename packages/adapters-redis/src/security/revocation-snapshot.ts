/** One revocation as the durable store holds it. @category Adapters */
export interface UnexpiredRevocation {
  readonly tokenId: string;
  readonly expiresAt: Date;
}

/**
 * The durable store's (PostgreSQL's) list of revocations whose tokens have not expired: what
 * {@link RedisTokenRevocationStore} copies into a Redis that started empty, so that Redis can
 * answer alone from then on (docs/adr/0012-revocations-rebuilt-into-a-fresh-redis.md).
 * Kept here rather than on core's port: only this adapter needs it.
 * @category Adapters
 */
export interface RevocationSnapshotSource {
  /** Every revocation whose token expires after `now`, read at one point in time. */
  listUnexpired(now: Date): Promise<readonly UnexpiredRevocation[]>;
}
