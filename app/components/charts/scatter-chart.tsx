import { useNavigate } from "@remix-run/react";
import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { percentTick, seriesColor } from "./chart-colors.ts";

export interface ScatterDatum {
  x: number;
  y: number;
  label: string;
  href: string;
}

function isDatum(value: unknown): value is ScatterDatum {
  return typeof value === "object" && value !== null && "label" in value && "x" in value && "y" in value;
}

/** The hovered point: whose it is (the salesperson's name), then both figures. */
function PointTooltip({
  active,
  payload,
  xLabel,
  yLabel,
}: Pick<TooltipContentProps<number, string>, "active" | "payload"> & { xLabel: string; yLabel: string }) {
  const point: unknown = payload?.[0]?.payload;
  if (!active || !isDatum(point)) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{point.label}</p>
      <p>
        {xLabel}: {percentTick(point.x)}
      </p>
      <p>
        {yLabel}: {percentTick(point.y)}
      </p>
    </div>
  );
}

/** Both axes: a figure of the points from 0 to 100 %. */
function percentAxis(dataKey: "x" | "y", name: string) {
  return { type: "number", dataKey, name, domain: [0, 1], tickFormatter: percentTick } as const;
}

/** Points in [0, 1] × [0, 1]; a click on a point opens its records; hovering one names it. */
export function PointScatterChart({
  points,
  xLabel,
  yLabel,
  height = 340,
}: {
  points: ScatterDatum[];
  xLabel: string;
  yLabel: string;
  height?: number;
}) {
  const navigate = useNavigate();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ScatterChart accessibilityLayer={false} margin={{ top: 12, right: 16, bottom: 24, left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis {...percentAxis("x", xLabel)} label={{ value: xLabel, position: "insideBottom", offset: -12 }} />
        <YAxis
          {...percentAxis("y", yLabel)}
          width={52}
          label={{ value: yLabel, angle: -90, position: "left", offset: 8, style: { textAnchor: "middle" } }}
        />
        <Tooltip
          cursor={{ strokeDasharray: "3 3" }}
          content={(props) => <PointTooltip {...props} xLabel={xLabel} yLabel={yLabel} />}
        />
        <Scatter
          data={points}
          fill={seriesColor(0)}
          className="chart-link"
          isAnimationActive={false}
          onClick={(_item: unknown, index: number) => {
            const point = points[index];
            if (point) navigate(point.href);
          }}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
