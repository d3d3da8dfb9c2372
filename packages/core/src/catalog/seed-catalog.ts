import { seedQualifications, seedSpecializations } from './catalog.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { commit } from '../shared/commit.js';

/**
 * Stores the seed's 36 specializations and 9 qualifications, adding only the missing ones:
 * safe to run at every start, and by several processes at once.
 * @category Use cases
 */
export class SeedCatalog {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ specializations: number; qualifications: number }> {
    return commit(this.uow, this.publisher, this.clock.now(), async (repositories) => {
      await repositories.catalog.seed(seedSpecializations, seedQualifications);
      const [specializations, qualifications] = await Promise.all([
        repositories.catalog.listSpecializations(),
        repositories.catalog.listQualifications(),
      ]);
      return {
        result: { specializations: specializations.length, qualifications: qualifications.length },
        events: [{ type: 'catalog.changed' }],
      };
    });
  }
}
