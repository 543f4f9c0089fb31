import type { ConversationPageData } from "../../models/candidate-claims.server.ts";
import { formatCount } from "../ui/format.ts";
import { When } from "../ui/when.tsx";

const FORMAT_LABEL: Record<ConversationPageData["conversation"]["format"], string> = {
  VTT: "Call transcript (WebVTT)",
  SRT: "Call transcript (SubRip)",
  TEXT: "Transcript (plain text)",
  EMAIL: "Email thread",
};

export function formatLabel(format: ConversationPageData["conversation"]["format"]): string {
  return FORMAT_LABEL[format];
}

/** What the conversation was, for whom, and who brought it in. */
export function ConversationFacts({ conversation }: { conversation: ConversationPageData["conversation"] }) {
  const { deal } = conversation;
  return (
    <dl className="facts panel">
      <dt>Deal</dt>
      <dd>
        {deal.externalId} · {deal.account.name}
        {deal.product ? ` · ${deal.product.name}` : ""} <span className="small muted">({deal.status.toLowerCase()})</span>
      </dd>
      <dt>Salesperson</dt>
      <dd>
        {conversation.salesperson.name} <span className="small muted">(speaking as “{conversation.salespersonSpeaker}”)</span>
      </dd>
      <dt>Date</dt>
      <dd>
        <When at={conversation.occurredAt} />
      </dd>
      <dt>Format</dt>
      <dd>
        {FORMAT_LABEL[conversation.format]}: {conversation.fileName}
        {conversation.title ? ` — “${conversation.title}”` : ""}
      </dd>
      <dt>Speakers</dt>
      <dd>{conversation.speakers.join(", ")}</dd>
      <dt>Words</dt>
      <dd>{formatCount(conversation.wordCount)}</dd>
      <dt>Imported</dt>
      <dd>
        by {conversation.importedBy.name}, <When at={conversation.createdAt} withTime />
      </dd>
    </dl>
  );
}
