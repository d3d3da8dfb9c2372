/** Seconds per unit of a duration such as `15m`, `1h`, `2d`. */
const unitSeconds = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * Reads a duration written as whole seconds (`3600`) or a number with a unit (`30s`, `15m`,
 * `1h`, `2d`); `undefined` when it is neither.
 * @category Configuration
 */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^(\d{1,9})\s*([smhd])?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2]?.toLowerCase() ?? 's') as keyof typeof unitSeconds;
  return Number(match[1]) * unitSeconds[unit];
}
