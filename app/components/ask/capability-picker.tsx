import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useId, useState } from "react";
import { levelLabel, type CapabilityLevel } from "../../domain/levels.ts";
import { useHydrated } from "../claims/use-hydrated.ts";
import { ErrorList } from "../ui/field.tsx";

export interface PickerProduct {
  id: string;
  name: string;
  capabilities: ReadonlyArray<{ id: string; title: string; key: string; status: CapabilityLevel }>;
}

const optionLabel = (capability: PickerProduct["capabilities"][number]) => `${capability.title} (${levelLabel(capability.status)})`;

function matches(capability: PickerProduct["capabilities"][number], query: string): boolean {
  const needle = query.trim().toLowerCase();
  return needle === "" || capability.title.toLowerCase().includes(needle) || capability.key.toLowerCase().includes(needle);
}

/**
 * Product, then (optionally) one of its capabilities. Without JavaScript every product's
 * capabilities are listed, grouped, and the server checks the pair. With it, the list shows
 * only the chosen product's rows and a search box narrows it; the chosen row always stays listed
 * so filtering never silently drops the selection.
 */
export function ProductCapabilityPicker({
  products,
  productMeta,
  capabilityMeta,
}: {
  products: readonly PickerProduct[];
  productMeta: FieldMetadata<string | undefined>;
  capabilityMeta: FieldMetadata<string | undefined>;
}) {
  const hydrated = useHydrated();
  const searchId = useId();
  const [productId, setProductId] = useState(productMeta.initialValue ?? "");
  const [capabilityId, setCapabilityId] = useState(capabilityMeta.initialValue ?? "");
  const [query, setQuery] = useState("");
  const { defaultValue: _productDefault, ...productProps } = getSelectProps(productMeta);
  const { defaultValue: _capabilityDefault, ...capabilityProps } = getSelectProps(capabilityMeta);
  const product = products.find((candidate) => candidate.id === productId);
  const shown = product ? product.capabilities.filter((capability) => capability.id === capabilityId || matches(capability, query)) : [];

  return (
    <>
      <div className="field">
        <label htmlFor={productMeta.id}>Product</label>
        <select
          {...productProps}
          value={productId}
          onChange={(event) => {
            setProductId(event.target.value);
            setCapabilityId("");
            setQuery("");
          }}
        >
          <option value="">Choose a product</option>
          {products.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
        <ErrorList id={productMeta.errorId} errors={productMeta.errors} />
      </div>
      {hydrated && product ? (
        <div className="field">
          <label htmlFor={searchId}>Find a capability</label>
          <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} aria-controls={capabilityMeta.id} />
          <span className="hint" aria-live="polite">
            {query.trim()
              ? `${shown.length} of ${product.capabilities.length} capabilities of ${product.name} match.`
              : "Type part of a capability's name to narrow the list."}
          </span>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={capabilityMeta.id}>Capability (optional)</label>
        <select {...capabilityProps} value={capabilityId} onChange={(event) => setCapabilityId(event.target.value)} disabled={hydrated && !product}>
          <option value="">{hydrated && !product ? "Choose a product first" : "None: a general question about the product"}</option>
          {hydrated
            ? shown.map((capability) => (
                <option key={capability.id} value={capability.id}>
                  {optionLabel(capability)}
                </option>
              ))
            : products.map((group) => (
                <optgroup key={group.id} label={group.name}>
                  {group.capabilities.map((capability) => (
                    <option key={capability.id} value={capability.id}>
                      {optionLabel(capability)}
                    </option>
                  ))}
                </optgroup>
              ))}
        </select>
        <span className="hint">The matrix row the question is about, with what the matrix says today.</span>
        <ErrorList id={capabilityMeta.errorId} errors={capabilityMeta.errors} />
      </div>
    </>
  );
}
