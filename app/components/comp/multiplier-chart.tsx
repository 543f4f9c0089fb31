import type { MultiplierBin } from "../../domain/comp-distribution.ts";
import { CategoryBarChart } from "../charts/bar-chart.tsx";
import { ChartFigure } from "../charts/chart-figure.tsx";
import type { SimpleColumns } from "../ui/simple-table.tsx";

const BAND_COLUMNS: SimpleColumns<MultiplierBin> = [
  {
    header: "Band of M (from its lower end up to, not including, its upper end; the last band includes both)",
    rowHeader: true,
    cell: (bin) => bin.label,
  },
  { header: "People", numeric: true, cell: (bin) => bin.count },
];

/** The multiplier distribution of a period, drawn like every other chart (components/charts). */
export function MultiplierDistribution({ bins, people }: { bins: MultiplierBin[]; people: number }) {
  return (
    <ChartFigure
      id="multiplier-distribution"
      caption={`Multiplier distribution: how many of the ${people} ${people === 1 ? "person" : "people"} shown fall in each band of M`}
      empty={people === 0 ? "No statements yet: compute the period to see the distribution." : undefined}
      chart={() => (
        <CategoryBarChart
          categories={bins.map((bin) => ({ label: bin.label, values: [bin.count], hrefs: [null] }))}
          series={["People"]}
          height={260}
        />
      )}
      table={{
        label: "People per band of the multiplier M",
        columns: BAND_COLUMNS,
        rows: bins,
        rowKey: (bin) => bin.label,
      }}
    />
  );
}
