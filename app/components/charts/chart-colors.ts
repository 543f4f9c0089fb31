// A qualitative palette readable on white and by the common forms of colour blindness
// (Okabe–Ito), cycled when there are more series than colours.
export const SERIES_COLORS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#000000",
  "#F0E442",
] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? "#0072B2";
}

export const percentTick = (value: number) => `${Math.round(value * 100)}%`;
