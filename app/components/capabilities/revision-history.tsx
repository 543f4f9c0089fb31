import { sameFacts } from "../../domain/capability-changes.ts";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { LevelBadge } from "../ui/badges.tsx";
import { When } from "../ui/when.tsx";
import { TableScroll } from "../ui/table-scroll.tsx";

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
        <TableScroll label="Revisions, newest first">
          <table>
            <caption className="visually-hidden">Revisions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">In force from</th>
                <th scope="col">By</th>
                <th scope="col">What happened</th>
                <th scope="col">Status</th>
                <th scope="col">Conditions and limitations</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision, index) => (
                <tr key={revision.id}>
                  <td>
                    <When at={revision.validFrom} withTime />
                  </td>
                  <td>{revision.author.name}</td>
                  <td>{kindOf(revision, revisions[index + 1])}</td>
                  <td>
                    <LevelBadge level={revision.status} />
                  </td>
                  <td>{revision.conditions || <span className="muted">—</span>}</td>
                  <td>{revision.note || <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
