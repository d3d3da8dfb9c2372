import type { Clock } from '../shared/clock.js';
import type { TokenRevocationStore } from '../identity/token-revocation-store.js';

/** {@link TokenRevocationStore} in memory; an entry is forgotten once its token expires (by the {@link Clock}). @category Testing */
export class InMemoryTokenRevocationStore implements TokenRevocationStore {
  private readonly revoked = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  revoke(tokenId: string, expiresAt: Date): Promise<void> {
    if (expiresAt.getTime() > this.clock.now().getTime())
      this.revoked.set(tokenId, expiresAt.getTime());
    return Promise.resolve();
  }

  isRevoked(tokenId: string): Promise<boolean> {
    const until = this.revoked.get(tokenId);
    if (until === undefined) return Promise.resolve(false);
    if (until <= this.clock.now().getTime()) {
      this.revoked.delete(tokenId);
      return Promise.resolve(false);
    }
    return Promise.resolve(true);
  }
}
