// Every chart is a <figure> with a visible caption and a table of the same figures. The server
// renders the table (there is no chart without JavaScript: recharts draws on the client only);
// once React runs in the browser the chart appears above it and the table folds into a
// disclosure that screen readers, keyboards and curious readers can open. The table's links are
// the keyboard way to drill down from any point or bar.
import type { Key, ReactNode } from "react";
import { useHydrated } from "../claims/use-hydrated.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export interface ChartFigureProps<Row> {
  id: string;
  caption: ReactNode;
  /** The chart, drawn only in the browser. */
  chart: () => ReactNode;
  /**
   * The table of the same figures (with drill-down links): a `SimpleTable` whose `label` is also
   * its caption for screen readers (the figure's caption is the visible one).
   */
  table: { label: string; columns: SimpleColumns<Row>; rows: readonly Row[]; rowKey: (row: Row) => Key };
  /** Shown instead of chart and table when there is nothing to draw. */
  empty?: ReactNode;
  note?: ReactNode;
  /** Under the table, inside its disclosure: e.g. a link to the rows the table leaves out. */
  tableFooter?: ReactNode;
}

export function ChartFigure<Row>({ id, caption, chart, table, empty, note, tableFooter }: ChartFigureProps<Row>) {
  const hydrated = useHydrated();
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          {hydrated ? (
            // The drawing repeats the table below; assistive technology and keyboards use the
            // table (the charts are built without recharts' focusable accessibility layer).
            <div className="chart-box" aria-hidden="true" data-chart={id}>
              {chart()}
            </div>
          ) : null}
          {note ? <p className="small muted">{note}</p> : null}
          <details className="chart-table" open={!hydrated}>
            <summary>Figures as a table, with links to the records behind them</summary>
            <SimpleTable {...table} hiddenCaption />
            {tableFooter}
          </details>
        </>
      )}
    </figure>
  );
}
