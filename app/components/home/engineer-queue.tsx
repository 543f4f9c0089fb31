import { Link } from "@remix-run/react";
import { formatCount } from "../ui/format.ts";
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
        <div className="tile">
          <div className="tile-label">Claims awaiting a verdict</div>
          <div className="tile-value">{formatCount(queue.pending)}</div>
        </div>
        <div className={queue.overdue > 0 ? "tile tile-alert" : "tile"}>
          <div className="tile-label">Past the 3-working-day target</div>
          <div className="tile-value">{formatCount(queue.overdue)}</div>
        </div>
        <div className="tile">
          <div className="tile-label">Oldest waiting</div>
          <div className="tile-value">
            {queue.oldestWorkingDays === null ? "—" : `${queue.oldestWorkingDays} working days`}
          </div>
        </div>
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
