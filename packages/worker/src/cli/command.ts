import type { ParseArgsConfig } from 'node:util';

/** Where a CLI command reads and writes: the process, or a test's capture. @category CLI */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A line to standard output. */
  readonly out: (line: string) => void;
  /** A line to standard error (errors, progress). */
  readonly err: (line: string) => void;
  /** The terminal to prompt on, or `undefined` when input is not interactive. */
  readonly tty?: NodeJS.ReadStream;
  /** Standard error as a stream, for progress bars; `undefined` turns them off. */
  readonly progressStream?: NodeJS.WritableStream;
}

/** Parsed option values of a command. */
export type OptionValues = Record<string, string | boolean | undefined>;

/** One `doctorly <name>` subcommand. @category CLI */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text (usage line, options, notes). */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Exit code: 0 done, 1 failed, 2 bad usage. */
  run(values: OptionValues, io: CliIo): Promise<number>;
}

/** A positive whole number option, or an error message. */
export function positiveInteger(
  value: string | boolean | undefined,
  name: string,
  fallback: number,
): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n > 0
    ? n
    : `--${name} expects a positive whole number, got "${String(value)}"`;
}
