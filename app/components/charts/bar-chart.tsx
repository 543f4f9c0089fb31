import { useNavigate } from "@remix-run/react";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { categoryAxisLayout } from "../../domain/chart-data.ts";
import { AXIS_LINE_HEIGHT, bottomAxisHeight, bottomTick, leftTick } from "./axis-ticks.tsx";
import { seriesColor } from "./chart-colors.ts";

export interface BarCategory {
  label: string;
  /** One value per series. */
  values: number[];
  /** The drill-down address of each bar (one per series), or null. */
  hrefs: Array<string | null>;
}

const MARGIN = { top: 8, right: 16, bottom: 8 };
const VALUE_AXIS_WIDTH = 48;
const LABEL_AXIS_WIDTH = 220;

/**
 * Bars per category, one per series (side by side, or stacked); a click on a bar opens its
 * records. `layout="vertical"` puts long category names on the left. Every category keeps its
 * label (interval 0): long ones wrap onto more lines rather than being dropped.
 */
export function CategoryBarChart({
  categories,
  series,
  stacked = false,
  layout = "horizontal",
  height = 300,
}: {
  categories: BarCategory[];
  series: string[];
  stacked?: boolean;
  layout?: "horizontal" | "vertical";
  height?: number;
}) {
  const navigate = useNavigate();
  const [width, setWidth] = useState(520);
  const data = categories.map((category) =>
    Object.fromEntries([
      ["label", category.label],
      ...series.map((_, index) => [`s${index}`, category.values[index] ?? 0]),
    ]),
  );
  const vertical = layout === "vertical";
  const labels = categories.map((category) => category.label);
  // On a narrow screen the names on the left take at most 45 % of the chart.
  const labelAxisWidth = Math.min(LABEL_AXIS_WIDTH, Math.max(100, Math.round(width * 0.45)));
  const count = Math.max(1, categories.length);
  // Across: each category's share of the plot's width. Down: the names' column, as many lines as a row's height holds.
  const axis = vertical
    ? categoryAxisLayout(labels, labelAxisWidth - 8, {
        canSlant: false,
        maxLines: Math.max(1, Math.floor((height - 46) / count / AXIS_LINE_HEIGHT)),
      })
    : categoryAxisLayout(labels, (width - MARGIN.right - VALUE_AXIS_WIDTH) / count);
  return (
    <ResponsiveContainer width="100%" height={height} onResize={(newWidth) => setWidth(newWidth)}>
      <BarChart accessibilityLayer={false} data={data} layout={layout} margin={{ ...MARGIN, left: vertical ? 8 : 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {vertical ? (
          <XAxis type="number" allowDecimals={false} />
        ) : (
          <XAxis dataKey="label" interval={0} height={bottomAxisHeight(axis)} tick={bottomTick(axis)} />
        )}
        {vertical ? (
          <YAxis type="category" dataKey="label" interval={0} width={labelAxisWidth} tick={leftTick(axis)} />
        ) : (
          <YAxis allowDecimals={false} width={VALUE_AXIS_WIDTH} />
        )}
        <Tooltip />
        {series.length > 1 ? <Legend /> : null}
        {series.map((name, seriesIndex) => (
          <Bar
            key={name}
            dataKey={`s${seriesIndex}`}
            name={name}
            fill={seriesColor(seriesIndex)}
            stackId={stacked ? "stack" : undefined}
            className="chart-link"
            isAnimationActive={false}
            onClick={(_item: unknown, index: number) => {
              const href = categories[index]?.hrefs[seriesIndex];
              if (href) navigate(href);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
