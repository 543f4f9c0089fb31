// Rounding for pay (PRODUCT.md §4.7: M to 4 decimals, payout to whole cents, half away from
// zero). Binary floating point cannot hold 1.00005 exactly (it is 1.0000499999999999…), so
// naive Math.round(x * 10^d) / 10^d rounds some halves the wrong way; these helpers work on the
// decimal digits instead.

/** Shifts the decimal point by `places` through the number's decimal text, exactly. */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds half away from zero to `decimals` places, on the value as a person reads it: the
 * number is first reduced to 15 significant digits, which removes binary noise left by
 * arithmetic (0.1 + 0.2 is 0.30000000000000004) without changing any value a person typed.
 */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
  if (!Number.isInteger(decimals)) throw new RangeError(`decimals must be a whole number, got ${decimals}`);
  if (!Number.isFinite(value) || value === 0) return value;
  const magnitude = Number(Math.abs(value).toPrecision(15));
  // Math.round rounds .5 up, which for a non-negative number is away from zero.
  const rounded = shiftDecimal(Math.round(shiftDecimal(magnitude, decimals)), -decimals);
  // No -0: it would print as "-0" on a statement.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** round(numerator / denominator) half away from zero, in exact integer arithmetic. */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const remainder = n % d;
  const magnitude = remainder * 2n >= d ? quotient + 1n : quotient;
  return negative ? -magnitude : magnitude;
}
