import type { MultiplierBin } from "../../domain/comp-distribution.ts";
import { CategoryBarChart } from "../charts/bar-chart.tsx";
import { ChartFigure } from "../charts/chart-figure.tsx";
import { TableScroll } from "../ui/table-scroll.tsx";

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
      table={
        <TableScroll label="People per band of the multiplier M">
          <table>
            <caption className="visually-hidden">People per band of the multiplier M</caption>
            <thead>
              <tr>
                <th scope="col">
                  Band of M (from its lower end up to, not including, its upper end; the last band includes both)
                </th>
                <th scope="col" className="num">
                  People
                </th>
              </tr>
            </thead>
            <tbody>
              {bins.map((bin) => (
                <tr key={bin.label}>
                  <th scope="row">{bin.label}</th>
                  <td className="num">{bin.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      }
    />
  );
}
