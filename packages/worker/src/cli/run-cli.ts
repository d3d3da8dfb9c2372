import { parseArgs } from 'node:util';
import { ConfigError } from '@doctorly/runtime';
import type { CliIo, Command } from './command.js';
import { createAdminCommand } from './commands/create-admin.js';
import { demoDataCommand } from './commands/demo-data.js';
import { migrateCommand } from './commands/migrate.js';
import { outboxCommand } from './commands/outbox.js';
import { reindexCommand } from './commands/reindex.js';
import { seedCommand } from './commands/seed.js';

/** Every `doctorly` subcommand, in the order `--help` lists them. @category CLI */
export const commands: readonly Command[] = [
  migrateCommand,
  seedCommand,
  createAdminCommand,
  demoDataCommand,
  reindexCommand,
  outboxCommand,
];

/** The top-level `doctorly --help` text. @category CLI */
export function usage(): string {
  return `Usage: doctorly <command> [options]

Doctorly's operator commands. Configuration comes from the same environment variables as
the server (DATABASE_URL, REDIS_URL, DATA_DIR …).

Commands:
${commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`).join('\n')}

Run \`doctorly <command> --help\` for a command's options. The background worker is a
separate binary: doctorly-worker (--help).`;
}

/**
 * Runs `doctorly` with `argv` (without the node and script paths); resolves to the exit
 * code: 0 done, 1 failed, 2 bad usage or configuration.
 * @category CLI
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${command.help}`);
    return 2;
  }
  if (values.help) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(values, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    io.err(`doctorly ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
