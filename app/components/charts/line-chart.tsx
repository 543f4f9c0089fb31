import { useNavigate } from "@remix-run/react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type DotItemDotProps } from "recharts";
import { percentTick, seriesColor } from "./chart-colors.ts";

export interface LineSeries {
  name: string;
  values: Array<number | null>;
  /** The drill-down address of each point (same order as the categories), or null. */
  hrefs: Array<string | null>;
}

/** Lines over categories (e.g. months), values in [0, 1]; a click on a point opens its records. */
export function MultiLineChart({ categories, series, height = 300 }: { categories: string[]; series: LineSeries[]; height?: number }) {
  const navigate = useNavigate();
  const data = categories.map((category, index) => Object.fromEntries([["category", category], ...series.map((line, lineIndex) => [`s${lineIndex}`, line.values[index] ?? null])]));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 12, right: 16, bottom: 8, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="category" />
        <YAxis domain={[0, 1]} tickFormatter={percentTick} width={52} />
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
              if (props.cx === undefined || props.cy === undefined || props.value === null || props.value === undefined) return <g key={`${lineIndex}-${props.index}`} />;
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
