import { useForm, type SubmissionResult } from "@conform-to/react";
import { CHANNELS, channelLabel } from "../../domain/levels.ts";
import { newClaimSchema } from "../../schemas/claims.ts";
import { InputField, SelectField, TextareaField } from "../ui/field.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";
import { usePickedSubject, type PickerProduct } from "../capabilities/capability-picker.tsx";
import { ClaimSubjectFields } from "./claim-subject-fields.tsx";
import { MatrixCheckPreview, type PreviewProduct } from "./matrix-check-preview.tsx";

const CHANNEL_OPTIONS = CHANNELS.map((channel) => ({ value: channel, label: channelLabel(channel) }));
const DEAL_STATUS = { OPEN: "open", WON: "won", LOST: "lost" } as const;

export interface ClaimFormDeal {
  id: string;
  externalId: string;
  status: keyof typeof DEAL_STATUS;
  account: { name: string };
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

export function ClaimForm({
  products,
  deals,
  dealId = null,
  salespersonId,
  today,
  lastResult,
}: {
  products: ReadonlyArray<PickerProduct & PreviewProduct>;
  deals: readonly ClaimFormDeal[];
  /** The deal to start with, when the page was opened for one. */
  dealId?: string | null;
  salespersonId: string;
  today: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    ...conformOptions("new-claim", newClaimSchema, lastResult),
    defaultValue: { madeOn: today, ...(dealId ? { dealId } : {}) },
  });
  const picker = usePickedSubject(fields);

  return (
    <ConformForm form={form} className="stack claim-form" hidden={{ salespersonId }} submitLabel="Log the claim">
      <ClaimSubjectFields
        products={products}
        picker={picker}
        assertedLevel={fields.assertedLevel}
        hint="Choose “Not in the matrix” when the claim was about something the matrix has no row for (then choose the product)."
      />
      <InputField
        label="Date the claim was made"
        meta={fields.madeOn}
        type="date"
        max={today}
        hint="Not in the future, and at most two years back."
      />
      <MatrixCheckPreview
        products={products}
        input={{ ...picker.value, assertedLevel: text(fields.assertedLevel.value), madeOn: text(fields.madeOn.value) }}
      />
      <TextareaField
        label="The words"
        meta={fields.statement}
        rows={4}
        hint="What was said, verbatim where you can (at most 2,000 characters)."
      />
      <SelectField label="Channel" meta={fields.channel} options={CHANNEL_OPTIONS} placeholder="Choose a channel" />
      <SelectField
        label="Deal"
        meta={fields.dealId}
        options={deals.map((deal) => ({
          value: deal.id,
          label: `${deal.account.name} · ${deal.externalId} (${DEAL_STATUS[deal.status]})`,
        }))}
        placeholder="No deal: name the account below"
        hint="Open and won deals of the salesperson."
      />
      <InputField
        label="Account name"
        meta={fields.accountName}
        hint="Needed when there is no deal; with a deal, the deal's account is used."
      />
      <TextareaField
        label="Evidence (optional)"
        meta={fields.evidence}
        hint="A quote from the email or RFP, or a link to the recording."
      />
    </ConformForm>
  );
}
