import type { FieldMetadata } from "@conform-to/react";
import { useId, useState, type ReactNode } from "react";
import { levelLabel, type CapabilityLevel } from "../../domain/levels.ts";
import { useHydrated } from "../claims/use-hydrated.ts";
import { Field, SelectOptions } from "../ui/field.tsx";

export interface PickerCapability {
  id: string;
  title: string;
  key?: string;
  /** Shown beside the title when given: what the matrix says today. */
  status?: CapabilityLevel;
}

export interface PickerProduct {
  id: string;
  name: string;
  capabilities: readonly PickerCapability[];
}

export interface PickedSubject {
  productId: string;
  capabilityId: string;
}

/** An option that is not a matrix row: "none" for a general question, "not in the matrix" for a claim. */
export interface ExtraCapabilityOption {
  value: string;
  label: string;
}

const initialText = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The picker's state for a conform form with `productId` and `capabilityId` fields, starting
 * from their initial values: spread it into `CapabilityPicker`; `value` is the pair chosen now.
 */
export function usePickedSubject(fields: {
  productId: FieldMetadata<string | undefined>;
  capabilityId: FieldMetadata<string | undefined>;
}) {
  const [value, onChange] = useState<PickedSubject>({
    productId: initialText(fields.productId.initialValue),
    capabilityId: initialText(fields.capabilityId.initialValue),
  });
  return { value, onChange, productMeta: fields.productId, capabilityMeta: fields.capabilityId };
}
export type PickerState = ReturnType<typeof usePickedSubject>;

const optionLabel = (capability: PickerCapability) =>
  capability.status ? `${capability.title} (${levelLabel(capability.status)})` : capability.title;

function matches(capability: PickerCapability, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  return (
    needle === "" ||
    capability.title.toLocaleLowerCase().includes(needle) ||
    (capability.key ?? "").toLocaleLowerCase().includes(needle)
  );
}

/**
 * A labelled select whose value the picker holds (not conform: choosing one select changes the
 * other), named and described by its conform field so its errors show as every field's do.
 */
function PickerField({
  label,
  meta,
  hint,
  value,
  onChange,
  children,
}: {
  label: string;
  meta: FieldMetadata<string | undefined>;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <Field label={label} meta={meta} hint={hint}>
      <select
        id={meta.id}
        name={meta.name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={meta.errors ? true : undefined}
        aria-describedby={meta.errors ? meta.errorId : undefined}
      >
        {children}
      </select>
    </Field>
  );
}

/**
 * Product, then one of its capabilities — the one picker of every form that names a matrix
 * row (log a claim, ask an engineer, write a quiz question). Without JavaScript the capability
 * select lists every product's rows grouped by product, and the server checks the pair. With
 * it, choosing a product narrows the list to its rows, a search box narrows it further, and
 * choosing a capability first fills in its product. The chosen row always stays listed, so
 * narrowing never silently drops the selection.
 */
export function CapabilityPicker({
  products,
  value,
  onChange,
  productMeta,
  capabilityMeta,
  capabilityLabel,
  extraOption,
  hint,
}: {
  products: readonly PickerProduct[];
  value: PickedSubject;
  onChange: (value: PickedSubject) => void;
  productMeta: FieldMetadata<string | undefined>;
  capabilityMeta: FieldMetadata<string | undefined>;
  capabilityLabel: string;
  /** Listed after the matrix rows. */
  extraOption?: ExtraCapabilityOption;
  hint: string;
}) {
  const hydrated = useHydrated();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const productOf = (capabilityId: string) =>
    products.find((product) => product.capabilities.some((capability) => capability.id === capabilityId));
  const chosenProduct = products.find((product) => product.id === value.productId);

  const chooseProduct = (productId: string) => {
    const keep = value.capabilityId === extraOption?.value || productOf(value.capabilityId)?.id === productId;
    onChange({ productId, capabilityId: keep ? value.capabilityId : (extraOption?.value ?? "") });
    setQuery("");
  };
  const chooseCapability = (capabilityId: string) => {
    onChange({ productId: productOf(capabilityId)?.id ?? value.productId, capabilityId });
  };

  const shown = products
    .filter((product) => !hydrated || !chosenProduct || product.id === chosenProduct.id)
    .map((product) => ({
      ...product,
      capabilities: product.capabilities.filter(
        (capability) => !hydrated || capability.id === value.capabilityId || matches(capability, query),
      ),
    }))
    .filter((product) => product.capabilities.length > 0);
  const grouped = !hydrated || !chosenProduct;
  const shownCount = shown.reduce((sum, product) => sum + product.capabilities.length, 0);
  const totalCount = (chosenProduct ? [chosenProduct] : products).reduce(
    (sum, product) => sum + product.capabilities.length,
    0,
  );
  const noChoice = extraOption?.value === "" ? null : <option value="">Choose a capability</option>;

  return (
    <>
      <PickerField label="Product" meta={productMeta} value={value.productId} onChange={chooseProduct}>
        <option value="">Choose a product</option>
        <SelectOptions options={products.map((product) => ({ value: product.id, label: product.name }))} />
      </PickerField>
      {hydrated ? (
        <div className="field">
          <label htmlFor={searchId}>Find a capability</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-controls={capabilityMeta.id}
            placeholder="e.g. export, SSO"
            autoComplete="off"
          />
          <span className="hint" aria-live="polite">
            {query.trim()
              ? `${shownCount} of ${totalCount} capabilities match.`
              : "Type part of a capability's name to narrow the list."}
          </span>
        </div>
      ) : null}
      <PickerField
        label={capabilityLabel}
        meta={capabilityMeta}
        hint={hint}
        value={value.capabilityId}
        onChange={chooseCapability}
      >
        {noChoice}
        {extraOption?.value === "" ? <option value="">{extraOption.label}</option> : null}
        {shown.map((product) =>
          grouped ? (
            <optgroup key={product.id} label={product.name}>
              {product.capabilities.map((capability) => (
                <option key={capability.id} value={capability.id}>
                  {optionLabel(capability)}
                </option>
              ))}
            </optgroup>
          ) : (
            product.capabilities.map((capability) => (
              <option key={capability.id} value={capability.id}>
                {optionLabel(capability)}
              </option>
            ))
          ),
        )}
        {extraOption && extraOption.value !== "" ? (
          <option value={extraOption.value}>{extraOption.label}</option>
        ) : null}
      </PickerField>
    </>
  );
}
