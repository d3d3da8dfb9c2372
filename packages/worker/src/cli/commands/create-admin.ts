import { CreateAdminInput, DomainError, Password } from '@doctorly/core';
import type { CliIo, Command } from '../command.js';
import { cliConfig, openRuntime } from '../open.js';
import { readHidden } from '../prompt.js';

/** Where an admin's password comes from: never a default, never a command-line flag. */
async function adminPassword(io: CliIo): Promise<string | undefined> {
  const fromEnv = io.env.DOCTORLY_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.tty) return undefined;
  const write = (text: string): void => {
    process.stderr.write(text);
  };
  const first = await readHidden(io.tty, 'Password: ', write);
  const again = await readHidden(io.tty, 'Repeat password: ', write);
  if (first !== again) throw new DomainError('VALIDATION_FAILED', 'The passwords differ.');
  return first;
}

/** `doctorly create-admin`: an administrator account. @category CLI */
export const createAdminCommand: Command = {
  name: 'create-admin',
  summary: 'create an administrator account',
  help: `Usage: doctorly create-admin --name <name> --email <email>

Creates an administrator (who manages the catalog). The password is read from the
terminal with echo off, or from DOCTORLY_ADMIN_PASSWORD when set (for scripts); there is
no default and no flag for it. At least 8 characters.

Options:
  --name <name>     the admin's name
  --email <email>   the admin's email (login)`,
  options: { name: { type: 'string' }, email: { type: 'string' } },
  async run(values, io) {
    if (typeof values.name !== 'string' || typeof values.email !== 'string') {
      io.err('create-admin needs --name and --email (see `doctorly create-admin --help`).');
      return 2;
    }
    const password = await adminPassword(io);
    if (password === undefined) {
      io.err('No password: run in a terminal to be prompted, or set DOCTORLY_ADMIN_PASSWORD.');
      return 2;
    }
    if (!Password.safeParse(password).success) {
      io.err('Refused: a password needs at least 8 characters (and at most 128).');
      return 2;
    }
    const input = { name: values.name, email: values.email, password };
    const checked = CreateAdminInput.safeParse(input);
    if (!checked.success) {
      io.err(
        `Refused: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      return 2;
    }
    const runtime = await openRuntime(cliConfig(io));
    try {
      const admin = await runtime.useCases.createAdmin.execute(input);
      io.out(`Admin created: id ${admin.id}, ${admin.email}`);
      return 0;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      io.err(`Refused: ${error.code}: ${error.message}`);
      return 1;
    } finally {
      await runtime.close();
    }
  },
};
