import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { ImageStore, StoredImage } from '../shared/image-store.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { IdParam } from '../shared/common-schemas.js';
import { toSpecializationView, type SpecializationView } from './catalog-view.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { authorize } from '../access/authorize.js';

/**
 * Sets a specialization's image (`POST /misc/image/{id}`). Only an admin manages the
 * catalog (`catalog.manage`): anyone else gets `FORBIDDEN` (the catalog is public, so nothing is hidden).
 * @category Use cases
 */
export class SetSpecializationImage {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly images: ImageStore,
  ) {}

  async execute(
    actor: Actor,
    input: z.input<typeof IdParam>,
    image: StoredImage,
  ): Promise<SpecializationView> {
    authorize(actor, 'catalog.manage');
    const { id } = parseInput(IdParam, input);
    if (!(await this.uow.read.catalog.findSpecialization(id))) throw notFound(id);
    const path = await this.images.save('specializations', image);
    const now = this.clock.now();
    return commit(this.uow, this.publisher, now, async (repositories) => {
      await repositories.catalog.setSpecializationImage(id, path);
      const specialization = await repositories.catalog.findSpecialization(id);
      if (!specialization) throw notFound(id);
      return {
        result: toSpecializationView(specialization),
        events: [{ type: 'catalog.changed' }],
      };
    });
  }
}

function notFound(id: number): DomainError {
  return new DomainError('SPECIALIZATION_NOT_FOUND', `There is no specialization ${id}.`);
}
