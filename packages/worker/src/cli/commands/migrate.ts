import type { Command } from '../command.js';
import { cliConfig, openPostgres } from '../open.js';

/** `doctorly migrate`: applies pending schema migrations. @category CLI */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations',
  help: `Usage: doctorly migrate

Applies the SQL migrations not yet applied to DATABASE_URL (or, without it, to the embedded
PGlite database in DATA_DIR), then re-applies each function or trigger definition whose file
changed, in one transaction under an advisory lock: safe while servers and workers start.
Prints what was applied.`,
  options: {},
  async run(_values, io) {
    const adapters = await openPostgres(cliConfig(io));
    try {
      const report = await adapters.migrate();
      const { repeatables } = report;
      const applied = [...report.applied, ...repeatables.applied];
      io.out(
        applied.length === 0
          ? 'Schema up to date; nothing to apply.'
          : `Applied: ${applied.join(', ')}`,
      );
      io.out(
        `Already applied: ${report.alreadyApplied.length} migrations, ${repeatables.unchanged.length} unchanged definitions`,
      );
      if (repeatables.withoutFile.length > 0) {
        // Left in place on purpose (migrations/repeatable/README.md says how to retire one).
        io.out(`Definitions in the database without a file: ${repeatables.withoutFile.join(', ')}`);
      }
      return 0;
    } finally {
      await adapters.close();
    }
  },
};
