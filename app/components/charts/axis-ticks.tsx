// Category axis labels that wrap instead of being dropped: recharts hides the labels that would
// collide (its default `interval`), which left bars and months without a name. The charts set
// `interval={0}` and draw each label through these ticks, on as many lines as it needs
// (categoryAxisLayout in app/domain/chart-data.ts decides the lines).
import type { ReactNode } from "react";
import type { CategoryAxisLayout } from "../../domain/chart-data.ts";

export const AXIS_FONT_SIZE = 12;
export const AXIS_LINE_HEIGHT = 14;
const AXIS_COLOR = "#5b6675";

interface TickProps {
  x: number | string;
  y: number | string;
  index: number;
}

const coordinate = (value: number | string) => (typeof value === "number" ? value : Number(value) || 0);

/**
 * A tick under a horizontal axis: the label centred under its category, line after line, or
 * whole and slanted (ending under its category) when the layout says so.
 */
export function bottomTick(layout: CategoryAxisLayout) {
  return function BottomTick({ x, y, index }: TickProps): ReactNode {
    const [left, top] = [coordinate(x), coordinate(y)];
    const lines = layout.lines[index] ?? [];
    if (layout.angle !== 0) {
      return (
        <text
          x={left}
          y={top}
          dy="0.71em"
          textAnchor="end"
          transform={`rotate(${layout.angle}, ${left}, ${top})`}
          fill={AXIS_COLOR}
          fontSize={AXIS_FONT_SIZE}
        >
          {lines.join(" ")}
        </text>
      );
    }
    return (
      <text x={left} y={top} textAnchor="middle" fill={AXIS_COLOR} fontSize={AXIS_FONT_SIZE}>
        {lines.map((line, lineIndex) => (
          <tspan key={lineIndex} x={left} dy={lineIndex === 0 ? "0.71em" : AXIS_LINE_HEIGHT}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}

/** A tick left of a vertical axis: the label right-aligned and centred on its category. */
export function leftTick(layout: CategoryAxisLayout) {
  return function LeftTick({ x, y, index }: TickProps): ReactNode {
    const own = layout.lines[index] ?? [];
    const firstOffset = 0.32 * AXIS_FONT_SIZE - ((own.length - 1) * AXIS_LINE_HEIGHT) / 2;
    return (
      <text x={coordinate(x)} y={coordinate(y)} textAnchor="end" fill={AXIS_COLOR} fontSize={AXIS_FONT_SIZE}>
        {own.map((line, lineIndex) => (
          <tspan key={lineIndex} x={coordinate(x)} dy={lineIndex === 0 ? firstOffset : AXIS_LINE_HEIGHT}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}

/** The height a horizontal axis needs for its labels (tick line and gap included). */
export const bottomAxisHeight = (layout: CategoryAxisLayout) => 14 + layout.extent;
