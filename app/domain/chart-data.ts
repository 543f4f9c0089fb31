// Pure helpers behind the dashboard's figures: changes against the previous period, medians,
// histogram bins and server-side downsampling (a chart of more than ~1,000 points is slow to
// draw and no easier to read; the server sends at most that many). See ADR 009.

export const MAX_CHART_POINTS = 1000;

export type Trend = "better" | "worse" | "same" | "unknown";

export interface Delta {
  /** current − previous, or null when either is unknown. */
  change: number | null;
  trend: Trend;
}

/**
 * The change of a figure against the previous period. `higherIsBetter` says which way is good
 * (accuracy: up; pending claims: down). Changes smaller than `epsilon` count as "same".
 */
export function kpiDelta(
  current: number | null,
  previous: number | null,
  higherIsBetter: boolean,
  epsilon = 1e-9,
): Delta {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous))
    return { change: null, trend: "unknown" };
  const change = current - previous;
  if (Math.abs(change) < epsilon) return { change: 0, trend: "same" };
  return { change, trend: change > 0 === higherIsBetter ? "better" : "worse" };
}

/** How one figure is compared with the previous period. */
export interface ComparisonRule {
  higherIsBetter: boolean;
  /**
   * "same point": a backlog figure (claims still waiting, time to verdict), compared with its
   * value as many days into the previous period as today is into this one — a closed quarter's
   * backlog has had months to drain, so its end state always makes today look worse.
   * "whole period": a rate over the period's events, comparable with the previous period's.
   */
  compareAt: "same point" | "whole period";
}

/**
 * The change of every figure against the previous period, each measured as its rule says.
 * `previousSamePoint` holds the backlog figures at the same point of the previous period; a
 * figure missing from it has no comparison rather than a misleading one.
 */
export function comparedDeltas<K extends string>(
  rules: Readonly<Record<K, ComparisonRule>>,
  current: Readonly<Record<NoInfer<K>, number | null>>,
  previousWhole: Readonly<Record<NoInfer<K>, number | null>> | null,
  previousSamePoint: Readonly<Partial<Record<NoInfer<K>, number | null>>> | null,
): Record<K, Delta> {
  const keys = Object.keys(rules) as K[];
  return Object.fromEntries(
    keys.map((key) => {
      const rule = rules[key];
      const previous =
        rule.compareAt === "same point"
          ? (previousSamePoint?.[key] ?? null)
          : previousWhole
            ? previousWhole[key]
            : null;
      return [key, kpiDelta(current[key], previous, rule.higherIsBetter)];
    }),
  ) as Record<K, Delta>;
}

/**
 * The dashboard's key figures: whether a rising one is good news, and what it is compared with: backlog figures with the
 * previous period at the same point (see ComparisonRule), the rest with the whole period.
 */
export const KPI_COMPARISON = {
  accuracy: { higherIsBetter: true, compareAt: "whole period" },
  pending: { higherIsBetter: false, compareAt: "same point" },
  medianDaysToVerdict: { higherIsBetter: false, compareAt: "same point" },
  overstatedShare: { higherIsBetter: false, compareAt: "whole period" },
  quizPassRate: { higherIsBetter: true, compareAt: "whole period" },
  meanCsat: { higherIsBetter: true, compareAt: "whole period" },
  deliveredRate: { higherIsBetter: true, compareAt: "whole period" },
  responseRate: { higherIsBetter: true, compareAt: "whole period" },
  coverage: { higherIsBetter: true, compareAt: "whole period" },
} as const satisfies Record<string, ComparisonRule>;
/** The median of `values` (the mean of the middle two for an even count), null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge, except the last bin, which includes it. */
  to: number;
  count: number;
}

/**
 * Equal-width bins over [min, max]; the last bin includes max (a perfect quiz score lands in
 * 90–100 %). Values outside the range are clamped into the end bins; NaN is ignored.
 */
export function histogramBins(values: Iterable<number>, binCount: number, min = 0, max = 1): HistogramBin[] {
  if (binCount < 1 || !(max > min)) throw new RangeError("A histogram needs at least one bin and max above min.");
  const width = (max - min) / binCount;
  const bins: HistogramBin[] = Array.from({ length: binCount }, (_, index) => ({
    from: min + index * width,
    to: min + (index + 1) * width,
    count: 0,
  }));
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    const index = Math.min(binCount - 1, Math.max(0, Math.floor((value - min) / width + 1e-9)));
    const bin = bins[index];
    if (bin) bin.count += 1;
  }
  return bins;
}

/** The bin index of `value` for bins made by histogramBins (same clamping), for counting in SQL-grouped data. */
export function binIndex(value: number, binCount: number, min = 0, max = 1): number {
  const width = (max - min) / binCount;
  return Math.min(binCount - 1, Math.max(0, Math.floor((value - min) / width + 1e-9)));
}

export interface XY {
  x: number;
  y: number;
}

/**
 * Largest-Triangle-Three-Buckets: keeps the first and last point and, from each bucket between,
 * the point forming the largest triangle with its neighbours — a line keeps its peaks and dips.
 * Points must be sorted by x. Returns the input when it is within `threshold`.
 */
export function downsampleLine<T extends XY>(points: readonly T[], threshold = MAX_CHART_POINTS): T[] {
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length <= threshold || threshold < 3 || !first || !last) return [...points];
  const sampled: T[] = [first];
  const bucketSize = (points.length - 2) / (threshold - 2);
  let anchor = first;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.min(points.length - 1, Math.floor((bucket + 1) * bucketSize) + 1);
    const nextStart = end;
    const nextEnd = Math.min(points.length, Math.floor((bucket + 2) * bucketSize) + 1);
    let avgX = 0;
    let avgY = 0;
    const nextCount = Math.max(1, nextEnd - nextStart);
    for (let index = nextStart; index < nextEnd; index++) {
      const point = points[index];
      if (point) {
        avgX += point.x;
        avgY += point.y;
      }
    }
    avgX /= nextCount;
    avgY /= nextCount;
    let best: T | undefined;
    let bestArea = -1;
    for (let index = start; index < end; index++) {
      const point = points[index];
      if (!point) continue;
      const area = Math.abs((anchor.x - avgX) * (point.y - anchor.y) - (anchor.x - point.x) * (avgY - anchor.y));
      if (area > bestArea) {
        bestArea = area;
        best = point;
      }
    }
    if (best) {
      sampled.push(best);
      anchor = best;
    }
  }
  sampled.push(last);
  return sampled;
}

/**
 * Thins a scatter to at most `limit` points without losing its story: the points of `keep`
 * (e.g. the lowest accuracy and the lowest satisfaction) and the extremes of each axis always
 * stay; the rest are taken at an even stride in x order, so dense regions stay dense. Stable
 * and deterministic: the same input gives the same picture.
 */
export function downsampleScatter<T extends XY>(
  points: readonly T[],
  limit = MAX_CHART_POINTS,
  keep: (point: T) => boolean = () => false,
): T[] {
  if (points.length <= limit) return [...points];
  const byX = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const byY = [...points].sort((a, b) => a.y - b.y || a.x - b.x);
  const chosen = new Set<T>();
  for (const point of [byX[0], byX[byX.length - 1], byY[0], byY[byY.length - 1]]) if (point) chosen.add(point);
  for (const point of byX) if (chosen.size < limit && keep(point)) chosen.add(point);
  const room = limit - chosen.size;
  const rest = byX.filter((point) => !chosen.has(point));
  if (room > 0 && rest.length > 0) {
    const stride = rest.length / room;
    for (let index = 0; index < room; index++) {
      const point = rest[Math.floor(index * stride)];
      if (point) chosen.add(point);
    }
  }
  return byX.filter((point) => chosen.has(point));
}

/** Where a chart's point sits, to 1/10,000: a pixel of a 340-pixel plot is about 1/300. */
const onPlot = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * A scatter as a page sends it to the browser: the chart's points as columns (id, label, x, y;
 * x and y to 1/10,000), and the table's rows whole, lowest x first — the first `tableRows` of
 * them, or every one with `all`. A thousand salespeople as objects were most of the
 * dashboard's document; the table shows 25 of them unless the reader asks for all.
 */
export interface ScatterForPage<T> {
  chart: { ids: string[]; labels: string[]; x: number[]; y: number[] };
  rows: T[];
  /** The points on the chart, which the table lists when `all`. */
  count: number;
}

export function scatterForPage<T extends XY & { id: string; name: string }>(
  points: readonly T[],
  tableRows: number,
  all: boolean,
): ScatterForPage<T> {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  return {
    chart: {
      ids: points.map((point) => point.id),
      labels: points.map((point) => point.name),
      x: points.map((point) => onPlot(point.x)),
      y: points.map((point) => onPlot(point.y)),
    },
    rows: all ? sorted : sorted.slice(0, tableRows),
    count: points.length,
  };
}

// ---------------------------------------------------------------- axis labels

/**
 * A category label broken into lines of at most `maxChars` characters, so a chart can show
 * every label instead of dropping the ones that collide (PRODUCT.md §5: a bar without its label
 * cannot be read). Breaks between words, and inside a word after a dash or slash ("90–100%" →
 * "90–", "100%"); a word still too long is cut at `maxChars`. Past `maxLines` the last line
 * ends with "…" (the figure's table always has the whole label).
 */
export function wrapLabel(label: string, maxChars: number, maxLines = 3): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const pieces: string[] = [];
  for (const word of label.trim().split(/\s+/).filter(Boolean)) {
    for (const part of word.split(/(?<=[–—\-/])/)) {
      for (let start = 0; start < part.length; start += width) pieces.push(part.slice(start, start + width));
    }
  }
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    // A piece that ends a dash joins the next one without a space (it was one word).
    const joiner = line === "" || /[–—\-/]$/.test(line) ? "" : " ";
    if (line !== "" && line.length + joiner.length + piece.length > width) {
      lines.push(line);
      line = piece;
    } else {
      line += joiner + piece;
    }
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept[kept.length - 1] ?? "";
  kept[kept.length - 1] = `${last.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
  return kept;
}

export interface CategoryAxisLayout {
  /** Each label's lines, in the labels' order. */
  lines: string[][];
  /** The most lines any label needs. */
  lineCount: number;
  /**
   * 0, or −45 when even a single word is wider than a category's band (twelve months on a
   * phone): the labels are then drawn whole and slanted rather than cut mid-word.
   */
  angle: 0 | -45;
  /** The pixels the labels need below (or beside) the axis line. */
  extent: number;
}

const LINE_HEIGHT = 14;

/**
 * How the labels of a category axis fit `bandWidth` pixels each (the plot's width divided by
 * the number of categories, on a horizontal axis; the axis's width on a vertical one), with
 * characters about `charWidth` pixels wide. Every label is kept: long ones wrap between words,
 * and when a word itself does not fit, a horizontal axis (`canSlant`) slants the labels instead.
 */
export function categoryAxisLayout(
  labels: readonly string[],
  bandWidth: number,
  options: { charWidth?: number; maxLines?: number; canSlant?: boolean } = {},
): CategoryAxisLayout {
  const { charWidth = 6.5, maxLines = 3, canSlant = true } = options;
  const maxChars = Math.max(2, Math.floor((bandWidth - 4) / charWidth));
  const longestWord = Math.max(
    0,
    ...labels.flatMap((label) =>
      label
        .split(/\s+/)
        .flatMap((word) => word.split(/(?<=[–—\-/])/))
        .map((piece) => piece.length),
    ),
  );
  if (canSlant && longestWord > maxChars) {
    const longest = Math.max(0, ...labels.map((label) => label.length));
    return {
      lines: labels.map((label) => [label]),
      lineCount: 1,
      angle: -45,
      extent: Math.ceil(longest * charWidth * Math.SQRT1_2 + LINE_HEIGHT),
    };
  }
  const lines = labels.map((label) => wrapLabel(label, maxChars, maxLines));
  const lineCount = Math.max(1, ...lines.map((label) => label.length));
  return { lines, lineCount, angle: 0, extent: lineCount * LINE_HEIGHT };
}
