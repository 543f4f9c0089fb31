import { sameFacts } from "../../domain/capability-changes.ts";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { LevelBadge } from "../ui/badges.tsx";
import { When } from "../ui/when.tsx";
import { SimpleTable } from "../ui/simple-table.tsx";

export interface RevisionRow {
  id: string;
  status: CapabilityLevel;
  conditions: string;
  validFrom: Date;
  note: string;
  author: { name: string };
}

// Verifying a row appends a revision with unchanged facts; say which entries changed something.
function kindOf(revision: RevisionRow, older: RevisionRow | undefined): string {
  if (!older) return "Created";
  return sameFacts(revision, older) ? "Verified, no change" : "Changed";
}

/** Every revision, newest first; a claim is judged against the one in force on its date. */
export function RevisionHistory({ revisions }: { revisions: readonly RevisionRow[] }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {revisions.length === 0 ? (
        <p className="muted">No revisions recorded.</p>
      ) : (
        <SimpleTable
          label="Revisions, newest first"
          hiddenCaption
          columns={[
            { header: "In force from", cell: (revision: RevisionRow) => <When at={revision.validFrom} withTime /> },
            { header: "By", cell: (revision) => revision.author.name },
            { header: "What happened", cell: (revision, index) => kindOf(revision, revisions[index + 1]) },
            { header: "Status", cell: (revision) => <LevelBadge level={revision.status} /> },
            {
              header: "Conditions and limitations",
              cell: (revision) => revision.conditions || <span className="muted">—</span>,
            },
            { header: "Why", cell: (revision) => revision.note || <span className="muted">—</span> },
          ]}
          rows={revisions}
          rowKey={(revision) => revision.id}
        />
      )}
    </section>
  );
}
