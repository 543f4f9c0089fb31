import { roundHalfAwayFromZero } from "./rounding.ts";

// The multiplier distribution of a period's overview: how many people fall in each band of M.

export interface MultiplierBin {
  /** "0.90–1.00"; the last band includes its upper end. */
  label: string;
  from: number;
  to: number;
  count: number;
}

/** Bands of `width` from 0 to at least the highest M (and to `top`, the curve's highest M). */
export function multiplierHistogram(multipliers: readonly number[], top: number, width = 0.1): MultiplierBin[] {
  const highest = Math.max(top, ...multipliers);
  const binCount = Math.max(1, Math.ceil(roundHalfAwayFromZero(highest / width, 9)));
  const bins: MultiplierBin[] = Array.from({ length: binCount }, (_, i) => {
    const from = roundHalfAwayFromZero(i * width, 4);
    const to = roundHalfAwayFromZero((i + 1) * width, 4);
    return { label: `${from.toFixed(2)}–${to.toFixed(2)}`, from, to, count: 0 };
  });
  for (const m of multipliers) {
    // M is paid to 4 decimals, so the band is decided on that value, exactly.
    const index = Math.min(binCount - 1, Math.floor(roundHalfAwayFromZero(m / width, 9)));
    const bin = bins[Math.max(0, index)];
    if (bin) bin.count++;
  }
  return bins;
}
