import { useNavigate } from "@remix-run/react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColor } from "./chart-colors.ts";

export interface BarCategory {
  label: string;
  /** One value per series. */
  values: number[];
  /** The drill-down address of each bar (one per series), or null. */
  hrefs: Array<string | null>;
}

/**
 * Bars per category, one per series (side by side, or stacked); a click on a bar opens its
 * records. `layout="vertical"` puts long category names on the left.
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
  const data = categories.map((category) => Object.fromEntries([["label", category.label], ...series.map((_, index) => [`s${index}`, category.values[index] ?? 0])]));
  const vertical = layout === "vertical";
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart accessibilityLayer={false} data={data} layout={layout} margin={{ top: 8, right: 16, bottom: 8, left: vertical ? 8 : 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {vertical ? <XAxis type="number" allowDecimals={false} /> : <XAxis dataKey="label" />}
        {vertical ? <YAxis type="category" dataKey="label" width={220} /> : <YAxis allowDecimals={false} width={48} />}
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
