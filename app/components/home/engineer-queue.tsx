import { Link } from "@remix-run/react";
import { formatCount } from "../ui/format.ts";
import { Tile } from "../ui/tile.tsx";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export interface QueueView {
  pending: number;
  overdue: number;
  oldestWorkingDays: number | null;
  bands: Array<{ label: string; count: number }>;
}

const BAND_COLUMNS: SimpleColumns<QueueView["bands"][number]> = [
  { header: "Waiting", cell: (band) => band.label },
  { header: "Claims", numeric: true, cell: (band) => formatCount(band.count) },
];

/** The verification queue at a glance: size, how much is late, and how old it is. */
export function EngineerQueue({ queue }: { queue: QueueView }) {
  return (
    <section aria-labelledby="queue">
      <h2 id="queue">Verification queue</h2>
      <div className="tiles">
        <Tile label="Claims awaiting a verdict" value={formatCount(queue.pending)} />
        <Tile label="Past the 3-working-day target" value={formatCount(queue.overdue)} alert={queue.overdue > 0} />
        <Tile
          label="Oldest waiting"
          value={queue.oldestWorkingDays === null ? "—" : `${queue.oldestWorkingDays} working days`}
        />
      </div>
      {queue.pending > 0 ? (
        <SimpleTable
          label="Pending claims by time since they were logged"
          caption="Pending claims by time since they were logged"
          captionClassName="muted small"
          columns={BAND_COLUMNS}
          rows={queue.bands}
          rowKey={(band) => band.label}
        />
      ) : null}
      <p>
        <Link to="/verify">{queue.pending > 0 ? "Open the queue, oldest first" : "Open the queue"}</Link>
      </p>
    </section>
  );
}
