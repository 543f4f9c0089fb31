import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { CAPABILITY_LEVELS, CHANNELS, channelLabel, levelLabel } from "../../domain/levels.ts";
import { newClaimSchema, NOT_IN_MATRIX } from "../../schemas/claims.ts";
import { ErrorList, InputField, SelectField, TextareaField } from "../ui/field.tsx";
import { claimFormOptions } from "./form-options.ts";
import { CapabilityPicker, type PickedSubject, type PickerProduct } from "../capabilities/capability-picker.tsx";
import { MatrixCheckPreview, type PreviewProduct } from "./matrix-check-preview.tsx";
import { SubmitButton } from "../ui/submit-button.tsx";

const LEVEL_OPTIONS = CAPABILITY_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }));
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
    ...claimFormOptions("new-claim", newClaimSchema, lastResult),
    defaultValue: { madeOn: today, ...(dealId ? { dealId } : {}) },
  });
  const [subject, setSubject] = useState<PickedSubject>({
    productId: text(fields.productId.initialValue),
    capabilityId: text(fields.capabilityId.initialValue),
  });

  return (
    <Form method="post" className="stack claim-form" {...getFormProps(form)}>
      <input type="hidden" name="salespersonId" value={salespersonId} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <CapabilityPicker
        products={products}
        value={subject}
        onChange={setSubject}
        productMeta={fields.productId}
        capabilityMeta={fields.capabilityId}
        capabilityLabel="Capability"
        extraOption={{ value: NOT_IN_MATRIX, label: "Not in the matrix" }}
        hint="Choose “Not in the matrix” when the claim was about something the matrix has no row for (then choose the product)."
      />
      <SelectField
        label="What the customer was told"
        meta={fields.assertedLevel}
        options={LEVEL_OPTIONS}
        placeholder="Choose a level"
      />
      <div className="field">
        <label htmlFor={fields.madeOn.id}>Date the claim was made</label>
        <input {...getInputProps(fields.madeOn, { type: "date" })} max={today} key={fields.madeOn.key} />
        <span className="hint">Not in the future, and at most two years back.</span>
        <ErrorList id={fields.madeOn.errorId} errors={fields.madeOn.errors} />
      </div>
      <MatrixCheckPreview
        products={products}
        input={{ ...subject, assertedLevel: text(fields.assertedLevel.value), madeOn: text(fields.madeOn.value) }}
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
      <div>
        <SubmitButton>Log the claim</SubmitButton>
      </div>
    </Form>
  );
}
