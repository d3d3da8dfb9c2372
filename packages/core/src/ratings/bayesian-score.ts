/**
 * A Bayesian average of ratings: `(priorWeight × priorMean + sum) / (priorWeight + count)`.
 * Few ratings stay near the prior (the global mean), so one 5-star review does not top the
 * popular list. With no weight and no ratings it is the prior mean.
 * @category Booking
 */
export function bayesianScore(
  sum: number,
  count: number,
  priorMean: number,
  priorWeight: number,
): number {
  const weight = priorWeight + count;
  return weight === 0 ? priorMean : (priorWeight * priorMean + sum) / weight;
}
