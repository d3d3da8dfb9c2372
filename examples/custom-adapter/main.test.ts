import { describe, expect, it } from 'vitest';
import { capturesOf, runExample } from '../run-example.js';

describe('examples/custom-adapter main.ts', () => {
  it("stores both doctors' identical pictures once, through the ImageStore it rebinds in createRuntime", async () => {
    const { stdout } = await runExample('custom-adapter');
    const pictures = capturesOf(stdout, /^Picture of ([\w ]+): (\S+)$/gm);
    expect(pictures.map(([name]) => name)).toEqual(['Ayesha Khan', 'Omar Siddiqui']);
    expect(new Set(pictures.map(([, path]) => path)).size).toBe(2);
    expect(stdout).toMatch(/^Distinct images stored: 1$/m);
  }, 180_000);
});
