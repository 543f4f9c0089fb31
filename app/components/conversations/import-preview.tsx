import { Form } from "@remix-run/react";
import { useState } from "react";
import type { FoundCandidate, PreviewFile, RefusedFile } from "../../models/conversations.server.ts";
import { MatrixCheckBadge } from "../ui/badges.tsx";
import { formatCount, formatDate } from "../ui/format.ts";
import { AssertedLevel } from "./candidate-card.tsx";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";
import { useIsPending } from "../ui/submit-button.tsx";

const CANDIDATE_COLUMNS: SimpleColumns<FoundCandidate> = [
  { header: "Sentence", cell: (candidate) => candidate.sentence },
  {
    header: "Capability (matched phrase)",
    cell: (candidate) => (
      <>
        {candidate.capabilityTitle} <span className="small muted">(“{candidate.phrase}”)</span>
      </>
    ),
  },
  {
    header: "What the words assert",
    cell: (candidate) => <AssertedLevel level={candidate.level} cues={candidate.cues} />,
  },
  { header: "Matrix check", cell: (candidate) => <MatrixCheckBadge check={candidate.matrixCheck} /> },
];

function CandidatePreviewTable({ candidates, caption }: { candidates: FoundCandidate[]; caption: string }) {
  if (candidates.length === 0)
    return <p className="muted small">No sentence of this speaker names a capability of the deal's product.</p>;
  return (
    <SimpleTable
      label={caption}
      caption={caption}
      columns={CANDIDATE_COLUMNS}
      rows={candidates}
      rowKey={(candidate) => `${candidate.position}-${candidate.capabilityId}`}
    />
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
