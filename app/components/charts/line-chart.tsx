import { useNavigate } from "@remix-run/react";
import { useState } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from "recharts";
import { categoryAxisLayout } from "../../domain/chart-data.ts";
import { bottomAxisHeight, bottomTick } from "./axis-ticks.tsx";
import { percentTick, seriesColor } from "./chart-colors.ts";

export interface LineSeries {
  name: string;
  values: Array<number | null>;
  /** The drill-down address of each point (same order as the categories), or null. */
  hrefs: Array<string | null>;
}

const MARGIN = { top: 12, right: 16, bottom: 8, left: 4 };
const VALUE_AXIS_WIDTH = 52;
const AXIS_PADDING = { left: 12, right: 24 };

/**
 * Lines over categories (e.g. months), values in [0, 1]; a click on a point opens its records.
 * Every category keeps its label (interval 0): "Jan 2026" goes onto two lines when twelve
 * months share a narrow chart, rather than every other month losing its name.
 */
export function MultiLineChart({
  categories,
  series,
  height = 300,
}: {
  categories: string[];
  series: LineSeries[];
  height?: number;
}) {
  const navigate = useNavigate();
  const [width, setWidth] = useState(520);
  // Points sit on the band edges, so n months share n − 1 gaps.
  const axis = categoryAxisLayout(
    categories,
    (width - MARGIN.left - MARGIN.right - VALUE_AXIS_WIDTH - AXIS_PADDING.left - AXIS_PADDING.right) /
      Math.max(1, categories.length - 1),
  );
  const data = categories.map((category, index) =>
    Object.fromEntries([
      ["category", category],
      ...series.map((line, lineIndex) => [`s${lineIndex}`, line.values[index] ?? null]),
    ]),
  );
  return (
    <ResponsiveContainer width="100%" height={height} onResize={(newWidth) => setWidth(newWidth)}>
      <LineChart accessibilityLayer={false} data={data} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="category"
          interval={0}
          height={bottomAxisHeight(axis)}
          tick={bottomTick(axis)}
          padding={AXIS_PADDING}
        />
        <YAxis domain={[0, 1]} tickFormatter={percentTick} width={VALUE_AXIS_WIDTH} />
        <Tooltip formatter={(value) => (typeof value === "number" ? percentTick(value) : "—")} />
        <Legend />
        {series.map((line, lineIndex) => (
          <Line
            key={line.name}
            type="monotone"
            dataKey={`s${lineIndex}`}
            name={line.name}
            stroke={seriesColor(lineIndex)}
            connectNulls
            isAnimationActive={false}
            dot={(props: DotItemDotProps) => {
              const href = line.hrefs[props.index];
              if (props.cx === undefined || props.cy === undefined || props.value === null || props.value === undefined)
                return <g key={`${lineIndex}-${props.index}`} />;
              return (
                <circle
                  key={`${lineIndex}-${props.index}`}
                  cx={props.cx}
                  cy={props.cy}
                  r={4}
                  fill={seriesColor(lineIndex)}
                  className={href ? "chart-link" : undefined}
                  onClick={href ? () => navigate(href) : undefined}
                />
              );
            }}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
