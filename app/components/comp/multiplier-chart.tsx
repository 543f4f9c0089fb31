import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MultiplierBin } from "../../domain/comp-distribution.ts";
import { useHydrated } from "../claims/use-hydrated.ts";

// The multiplier distribution of a period. recharts draws in the browser only, so the server
// sends the same figures as a table; after hydration the chart appears above it and the table
// folds into a disclosure that assistive technology and keyboards still reach.

export function MultiplierDistribution({ bins, people }: { bins: MultiplierBin[]; people: number }) {
  const hydrated = useHydrated();
  const caption = `Multiplier distribution: how many of the ${people} ${people === 1 ? "person" : "people"} shown fall in each band of M`;
  if (people === 0) {
    return (
      <figure aria-labelledby="multiplier-caption">
        <figcaption id="multiplier-caption">{caption}</figcaption>
        <p className="muted">No statements yet: compute the period to see the distribution.</p>
      </figure>
    );
  }
  return (
    <figure aria-labelledby="multiplier-caption" className="panel">
      <figcaption id="multiplier-caption">
        <strong>{caption}</strong>
      </figcaption>
      {hydrated ? (
        <div aria-hidden="true" data-chart="multiplier-distribution" style={{ width: "100%", height: 260 }}>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={bins} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" height={56} />
              <YAxis allowDecimals={false} width={40} />
              <Tooltip />
              <Bar dataKey="count" name="People" fill="#2f6fd0" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <details open={!hydrated}>
        <summary>The distribution as a table</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">People per band of the multiplier M</caption>
            <thead>
              <tr>
                <th scope="col">Band of M (from its lower end up to, not including, its upper end; the last band includes both)</th>
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
        </div>
      </details>
    </figure>
  );
}
