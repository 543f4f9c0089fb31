import { Form } from "@remix-run/react";
import { CONVERSATION_FILE_TYPES, CONVERSATION_IMPORT_MAX_FILES } from "../../schemas/conversation.ts";
import { ErrorList } from "../ui/field.tsx";
import { FilterBar, FilterInput } from "../ui/filter-bar.tsx";
import { formatCount } from "../ui/format.ts";
import { useIsPending } from "../ui/submit-button.tsx";

export interface ImportableDeal {
  id: string;
  externalId: string;
  status: string;
  account: { name: string };
  owner: { name: string };
  product: { name: string } | null;
}

export function dealLabel(deal: ImportableDeal): string {
  return `${deal.account.name} · ${deal.externalId} · ${deal.owner.name}${deal.product ? ` · ${deal.product.name}` : ""} (${deal.status.toLowerCase()})`;
}

/** Narrows the deal list by account, CRM id or salesperson (a GET form, so the search can be bookmarked). */
export function DealSearch({ q, shown, total }: { q: string; shown: number; total: number }) {
  return (
    <FilterBar
      label="Find a deal"
      submitLabel="Search"
      after={
        <p className="small muted">
          {total > shown
            ? `Showing the ${formatCount(shown)} most recently updated of ${formatCount(total)} deals; search to narrow the list.`
            : `${formatCount(total)} deals you may import for.`}
        </p>
      }
    >
      <FilterInput
        id="deal-search"
        name="q"
        label="Find a deal"
        defaultValue={q}
        maxLength={100}
        placeholder="Account, CRM id or salesperson"
      />
    </FilterBar>
  );
}

export interface UploadErrors {
  dealId?: string[];
  occurredOn?: string[];
  files?: string[];
}

/** Step one: the deal, the day, and the files or pasted text; the server parses them and shows what it found. */
export function UploadConversationForm({
  deals,
  dealId,
  occurredOn,
  today,
  errors,
}: {
  deals: ImportableDeal[];
  dealId: string;
  occurredOn: string;
  today: string;
  errors: UploadErrors;
}) {
  const busy = useIsPending();
  return (
    <Form method="post" encType="multipart/form-data" className="panel">
      <div className="field">
        <label htmlFor="import-deal">Deal</label>
        <select
          id="import-deal"
          name="dealId"
          required
          defaultValue={dealId}
          aria-describedby={errors.dealId ? "import-deal-error" : undefined}
        >
          <option value="">Choose the deal the conversation was about</option>
          {deals.map((deal) => (
            <option key={deal.id} value={deal.id}>
              {dealLabel(deal)}
            </option>
          ))}
        </select>
        <ErrorList id="import-deal-error" errors={errors.dealId} />
      </div>
      <div className="field">
        <label htmlFor="import-date">Day of the conversation</label>
        <input
          id="import-date"
          name="occurredOn"
          type="date"
          max={today}
          defaultValue={occurredOn}
          aria-describedby="import-date-hint"
        />
        <span className="hint" id="import-date-hint">
          Required for transcripts: the matrix is read as it stood that day. An email's own date is used when it has
          one.
        </span>
        <ErrorList errors={errors.occurredOn} />
      </div>
      <div className="field">
        <label htmlFor="import-files">
          Files (.vtt, .srt, .txt or .eml; up to {CONVERSATION_IMPORT_MAX_FILES}, 2 MB each)
        </label>
        <input id="import-files" name="files" type="file" multiple accept={CONVERSATION_FILE_TYPES} />
      </div>
      <div className="field">
        <label htmlFor="import-pasted">Or paste a transcript or an email thread</label>
        <textarea
          id="import-pasted"
          name="pasted"
          rows={6}
          placeholder={"Maya Chen: Yes, the export works with Excel 2003.\nDana: Great, thanks."}
        />
      </div>
      <ErrorList errors={errors.files} />
      <button type="submit" name="intent" value="preview" disabled={busy}>
        {busy ? "Reading…" : "Read the files and preview"}
      </button>
    </Form>
  );
}
