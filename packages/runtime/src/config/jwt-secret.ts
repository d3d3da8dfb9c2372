import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minJwtSecretLength } from './schema.js';

/**
 * The signing key kept in `dataDir/jwt-secret`: read when present, else 48 random bytes
 * (base64url) written there, readable by the owner only. Created with `wx` so that two
 * processes starting together agree on one key.
 */
export function readOrCreateJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  const existing = readIfPresent(file);
  if (existing !== undefined) return existing;
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
  }
  const created = readIfPresent(file);
  if (created === undefined)
    throw new Error(`${file} holds no key of ${minJwtSecretLength}+ characters`);
  return created;
}

function readIfPresent(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  if (text.length < minJwtSecretLength)
    throw new Error(`${file} holds no key of ${minJwtSecretLength}+ characters`);
  return text;
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
