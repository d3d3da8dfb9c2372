import type { Command } from '../command.js';
import { cliConfig, openRuntime } from '../open.js';

/** `doctorly seed`: stores the catalog. @category CLI */
export const seedCommand: Command = {
  name: 'seed',
  summary: 'store the catalog (36 specializations, 9 qualifications)',
  help: `Usage: doctorly seed

Adds the catalog's specializations and qualifications that are missing (idempotent; the
server also does it at start). Migrates first.`,
  options: {},
  async run(_values, io) {
    const runtime = await openRuntime(cliConfig(io));
    try {
      const counts = await runtime.useCases.seedCatalog.execute();
      io.out(
        `Catalog: ${counts.specializations} specializations, ${counts.qualifications} qualifications.`,
      );
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
