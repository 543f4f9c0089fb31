import { Form } from "@remix-run/react";
import { useState } from "react";
import type { FoundCandidate, PreviewFile, RefusedFile } from "../../models/conversations.server.ts";
import { MatrixCheckBadge } from "../ui/badges.tsx";
import { formatCount, formatDate } from "../ui/format.ts";
import { AssertedLevel } from "./candidate-card.tsx";
import { TableScroll } from "../ui/table-scroll.tsx";
import { useIsPending } from "../ui/submit-button.tsx";

function CandidatePreviewTable({ candidates, caption }: { candidates: FoundCandidate[]; caption: string }) {
  if (candidates.length === 0)
    return <p className="muted small">No sentence of this speaker names a capability of the deal's product.</p>;
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Sentence</th>
            <th scope="col">Capability (matched phrase)</th>
            <th scope="col">What the words assert</th>
            <th scope="col">Matrix check</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((candidate) => (
            <tr key={`${candidate.position}-${candidate.capabilityId}`}>
              <td>{candidate.sentence}</td>
              <td>
                {candidate.capabilityTitle} <span className="small muted">(“{candidate.phrase}”)</span>
              </td>
              <td>
                <AssertedLevel level={candidate.level} cues={candidate.cues} />
              </td>
              <td>
                <MatrixCheckBadge check={candidate.matrixCheck} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One readable file: its speakers (the salesperson chosen by a radio), its size and what it would give. */
function FilePreview({ file, slot }: { file: PreviewFile; slot: number }) {
  const [speaker, setSpeaker] = useState(file.suggestedSpeaker ?? "");
  const candidates = speaker ? (file.candidatesBySpeaker[speaker] ?? []) : [];
  const overstating = candidates.filter((candidate) => candidate.matrixCheck === "OVERSTATES").length;
  return (
    <section className="panel" aria-labelledby={`file-${slot}-title`}>
      <h3 id={`file-${slot}-title`}>{file.fileName}</h3>
      <input type="hidden" name="fileName" value={file.fileName} />
      <textarea name="text" defaultValue={file.text} hidden readOnly aria-hidden="true" />
      <p className="small muted">
        {file.title ? `“${file.title}” · ` : ""}
        {formatCount(file.wordCount)} words · {file.speakers.length} speakers
        {file.emailDate ? ` · sent ${formatDate(file.emailDate)} (this date is used)` : ""}
      </p>
      <fieldset className="field">
        <legend>Which speaker is the salesperson?</legend>
        {file.suggestedSpeaker ? null : (
          <span className="hint">Candor could not tell from the deal owner's name: choose one.</span>
        )}
        <div className="inline-form">
          {file.speakers.map((name) => (
            <label key={name} className="checkbox">
              <input
                type="radio"
                name={`speaker-${slot}`}
                value={name}
                required
                checked={speaker === name}
                onChange={() => setSpeaker(name)}
              />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      {speaker ? (
        <CandidatePreviewTable
          candidates={candidates}
          caption={`${candidates.length} candidate claim${candidates.length === 1 ? "" : "s"} in ${speaker}'s words${overstating ? `, ${overstating} saying more than the matrix` : ""}`}
        />
      ) : null}
    </section>
  );
}

/** Step two: every readable file with its speaker choice; importing sends the texts back to be checked again and stored. */
export function ImportPreview({
  files,
  deal,
  occurredOn,
}: {
  files: (PreviewFile | RefusedFile)[];
  deal: { id: string; accountName: string; ownerName: string };
  occurredOn: string;
}) {
  const busy = useIsPending();
  const refused = files.filter((file): file is RefusedFile => !file.ok);
  const readable = files.filter((file): file is PreviewFile => file.ok);
  const already = readable.filter((file) => file.alreadyImportedAt !== null);
  const fresh = readable.filter((file) => file.alreadyImportedAt === null);
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">
        Preview for {deal.accountName} ({deal.ownerName})
      </h2>
      {refused.length > 0 ? (
        <div className="panel" role="alert">
          <p className="form-error">
            {refused.length === 1 ? "One file cannot be imported:" : `${refused.length} files cannot be imported:`}
          </p>
          <ul>
            {refused.map((file) => (
              <li key={file.index}>
                <strong>{file.fileName}</strong>: {file.problem}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {already.map((file) => (
        <p key={file.index} className="muted">
          {file.fileName} was already imported for this deal on {formatDate(file.alreadyImportedAt)}: importing it again
          adds nothing.
        </p>
      ))}
      {fresh.length > 0 ? (
        <Form method="post" encType="multipart/form-data">
          <input type="hidden" name="dealId" value={deal.id} />
          <input type="hidden" name="occurredOn" value={occurredOn} />
          {fresh.map((file, slot) => (
            <FilePreview key={file.index} file={file} slot={slot} />
          ))}
          <p>
            <button type="submit" name="intent" value="import" disabled={busy}>
              {busy
                ? "Importing…"
                : fresh.length === 1
                  ? "Import this conversation"
                  : `Import these ${fresh.length} conversations`}
            </button>{" "}
            <a href="/conversations/import">Start again</a>
          </p>
        </Form>
      ) : (
        <p>
          <a href="/conversations/import">Choose other files</a>
        </p>
      )}
    </section>
  );
}
