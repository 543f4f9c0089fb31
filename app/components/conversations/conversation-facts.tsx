import type { ConversationPageData } from "../../models/candidate-claims.server.ts";
import { conversationFormatLabel, dealStatusLabel } from "../../domain/labels.ts";
import { formatCount } from "../ui/format.ts";
import { When } from "../ui/when.tsx";

/** The conversation's kind, from the one vocabulary of labels (labels.ts). */
export function formatLabel(format: ConversationPageData["conversation"]["format"]): string {
  return conversationFormatLabel(format);
}

/** What the conversation was, for whom, and who brought it in. */
export function ConversationFacts({ conversation }: { conversation: ConversationPageData["conversation"] }) {
  const { deal } = conversation;
  return (
    <dl className="facts panel">
      <dt>Deal</dt>
      <dd>
        {deal.externalId} · {deal.account.name}
        {deal.product ? ` · ${deal.product.name}` : ""}{" "}
        <span className="small muted">({dealStatusLabel(deal.status).toLowerCase()})</span>
      </dd>
      <dt>Salesperson</dt>
      <dd>
        {conversation.salesperson.name}{" "}
        <span className="small muted">(speaking as “{conversation.salespersonSpeaker}”)</span>
      </dd>
      <dt>Date</dt>
      <dd>
        <When at={conversation.occurredAt} />
      </dd>
      <dt>Format</dt>
      <dd>
        {formatLabel(conversation.format)}: {conversation.fileName}
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
