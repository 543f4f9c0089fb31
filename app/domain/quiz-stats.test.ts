import { describe, expect, it } from "vitest";
import { discriminationLabel, facility, pearsonFromSums, type PairSums } from "./quiz-stats.ts";

function sumsOf(pairs: Array<[number, number]>): PairSums {
  return pairs.reduce(
    (s, [x, y]) => ({
      n: s.n + 1,
      sumX: s.sumX + x,
      sumY: s.sumY + y,
      sumXX: s.sumXX + x * x,
      sumYY: s.sumYY + y * y,
      sumXY: s.sumXY + x * y,
    }),
    { n: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 },
  );
}

/** The textbook two-pass formula, to check the one-pass version against. */
function pearsonTwoPass(pairs: Array<[number, number]>): number {
  const mx = pairs.reduce((s, [x]) => s + x, 0) / pairs.length;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / pairs.length;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (const [x, y] of pairs) {
    cov += (x - mx) * (y - my);
    vx += (x - mx) ** 2;
    vy += (y - my) ** 2;
  }
  return cov / Math.sqrt(vx * vy);
}

describe("pearsonFromSums", () => {
  it("is 1 for a perfect positive and −1 for a perfect negative relation", () => {
    expect(
      pearsonFromSums(
        sumsOf([
          [0, 1],
          [1, 3],
          [0.5, 2],
        ]),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      pearsonFromSums(
        sumsOf([
          [0, 3],
          [1, 1],
          [0.5, 2],
        ]),
      ),
    ).toBeCloseTo(-1, 12);
  });

  it("matches a hand-computed example: credits 1,0,1,0 against rest scores 3,1,2,2", () => {
    // mean x 0.5, mean y 2; cov = 0.5·1 + (−0.5)(−1) + 0.5·0 + (−0.5)·0 = 1; Σ(x−x̄)² = 1; Σ(y−ȳ)² = 2.
    expect(
      pearsonFromSums(
        sumsOf([
          [1, 3],
          [0, 1],
          [1, 2],
          [0, 2],
        ]),
      ),
    ).toBeCloseTo(1 / Math.sqrt(2), 12);
  });

  it("agrees with the two-pass formula on mixed data", () => {
    const pairs: Array<[number, number]> = [
      [1, 7],
      [0, 4],
      [1 / 3, 5.5],
      [1, 6],
      [0, 6.5],
      [2 / 3, 3],
      [1, 8],
    ];
    expect(pearsonFromSums(sumsOf(pairs))).toBeCloseTo(pearsonTwoPass(pairs), 10);
  });

  it("is undefined (null) without spread or with fewer than two answers", () => {
    expect(pearsonFromSums(sumsOf([[1, 3]]))).toBeNull();
    expect(
      pearsonFromSums(
        sumsOf([
          [1, 3],
          [1, 5],
          [1, 2],
        ]),
      ),
    ).toBeNull();
    expect(
      pearsonFromSums(
        sumsOf([
          [0, 3],
          [1, 3],
        ]),
      ),
    ).toBeNull();
    expect(pearsonFromSums(sumsOf([]))).toBeNull();
  });
});

describe("facility and its reading", () => {
  it("is the mean credit, null without answers", () => {
    expect(facility(4, 3)).toBe(0.75);
    expect(facility(0, 0)).toBeNull();
  });

  it("labels discrimination plainly", () => {
    expect(discriminationLabel(null)).toBe("not measurable");
    expect(discriminationLabel(-0.1)).toMatch(/^negative/);
    expect(discriminationLabel(0.1)).toBe("weak");
    expect(discriminationLabel(0.3)).toBe("fair");
    expect(discriminationLabel(0.5)).toBe("good");
  });
});
