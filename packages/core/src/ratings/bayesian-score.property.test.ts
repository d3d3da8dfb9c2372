import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bayesianScore } from './bayesian-score.js';

const stars = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 200 });
const prior = fc.record({
  mean: fc.double({ min: 1, max: 5, noNaN: true }),
  weight: fc.integer({ min: 0, max: 50 }),
});

describe('bayesianScore', () => {
  it('is (C·m + sum) / (C + count), the prior mean with no weight and no ratings', () => {
    expect(bayesianScore(0, 0, 3.5, 0)).toBe(3.5);
    expect(bayesianScore(0, 0, 3.5, 10)).toBe(3.5);
    expect(bayesianScore(5, 1, 3, 1)).toBe(4);
    expect(bayesianScore(45, 10, 4, 10)).toBe(4.25);
    expect(bayesianScore(9, 2, 3, 0)).toBe(4.5);
  });

  it('lies between the prior mean and the ratings mean, and stays within 1…5', () => {
    fc.assert(
      fc.property(stars, prior, (ratings, { mean, weight }) => {
        const sum = ratings.reduce((a, b) => a + b, 0);
        const score = bayesianScore(sum, ratings.length, mean, weight);
        const observed = ratings.length === 0 ? mean : sum / ratings.length;
        const [low, high] = [Math.min(mean, observed), Math.max(mean, observed)];
        expect(score).toBeGreaterThanOrEqual(low - 1e-9);
        expect(score).toBeLessThanOrEqual(high + 1e-9);
        expect(score).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(score).toBeLessThanOrEqual(5 + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('rises with one more 5-star rating when below 5, and a heavier prior pulls harder', () => {
    fc.assert(
      fc.property(stars, prior, (ratings, { mean, weight }) => {
        const sum = ratings.reduce((a, b) => a + b, 0);
        const score = bayesianScore(sum, ratings.length, mean, weight);
        if (score < 5 - 1e-9)
          expect(bayesianScore(sum + 5, ratings.length + 1, mean, weight)).toBeGreaterThan(score);
        const heavier = bayesianScore(sum, ratings.length, mean, weight + 1);
        expect(Math.abs(heavier - mean)).toBeLessThanOrEqual(Math.abs(score - mean) + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });
});
