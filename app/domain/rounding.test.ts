import { describe, expect, it } from "vitest";
import { divideRoundHalfAwayFromZero, roundHalfAwayFromZero } from "./rounding.ts";

describe("roundHalfAwayFromZero", () => {
  it.each([
    // A half rounds away from zero, on either side of it and at any magnitude.
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [1.00005, 4, 1.0001],
    [-1.00005, 4, -1.0001],
    [12345678.5, 0, 12345679],
    // Binary doubles hold these a hair below the half; a person wrote a half.
    [0.00145, 4, 0.0015],
    [1.005, 2, 1.01],
    [0.12345, 4, 0.1235],
    [1.45, 1, 1.5],
    // Anything else goes to the nearer value; a value already that short is kept.
    [1.00004999, 4, 1],
    [0.1 + 0.2, 1, 0.3],
    [1234.5678, 2, 1234.57],
    [0.86133333, 4, 0.8613],
    [1.5, 4, 1.5],
  ])("%d to %i decimals → %d", (value, decimals, expected) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it("rounds to whole numbers by default", () => {
    expect(roundHalfAwayFromZero(6172.5)).toBe(6173);
  });

  it("never returns minus zero", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.00001, 4), 0)).toBe(true);
  });

  it("handles very small and very large magnitudes", () => {
    expect(roundHalfAwayFromZero(1e-20, 4)).toBe(0);
    expect(roundHalfAwayFromZero(1e21, 2)).toBe(1e21);
  });
});

describe("divideRoundHalfAwayFromZero", () => {
  it("rounds exact integer quotients half away from zero", () => {
    expect(divideRoundHalfAwayFromZero(15246075n, 10000n)).toBe(1525n); // 1524.6075
    expect(divideRoundHalfAwayFromZero(15000n, 10000n)).toBe(2n); // 1.5
    expect(divideRoundHalfAwayFromZero(14999n, 10000n)).toBe(1n);
    expect(divideRoundHalfAwayFromZero(-15000n, 10000n)).toBe(-2n);
    expect(divideRoundHalfAwayFromZero(15000n, -10000n)).toBe(-2n);
    expect(divideRoundHalfAwayFromZero(0n, 7n)).toBe(0n);
  });

  it("refuses division by zero", () => {
    expect(() => divideRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});
