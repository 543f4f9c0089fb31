import type { FieldMetadata } from "@conform-to/react";
import { useId, useState } from "react";
import { NOT_IN_MATRIX } from "../../schemas/claims.ts";
import { ErrorList } from "../ui/field.tsx";
import { useHydrated } from "./use-hydrated.ts";

export interface PickerProduct {
  id: string;
  name: string;
  capabilities: ReadonlyArray<{ id: string; title: string }>;
}

export interface PickedSubject {
  productId: string;
  capabilityId: string;
}

const matches = (title: string, filter: string) => title.toLocaleLowerCase().includes(filter.trim().toLocaleLowerCase());

/**
 * Product and capability. Without JavaScript the capability is one select grouped by product
 * (the product is then taken from the capability); with it, a text filter narrows a list to
 * the chosen product's capabilities. "Not in the matrix" is always offered.
 */
export function CapabilityPicker({
  products,
  value,
  onChange,
  productMeta,
  capabilityMeta,
}: {
  products: readonly PickerProduct[];
  value: PickedSubject;
  onChange: (value: PickedSubject) => void;
  productMeta: FieldMetadata<string | undefined>;
  capabilityMeta: FieldMetadata<string | undefined>;
}) {
  const hydrated = useHydrated();
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const productOf = (capabilityId: string) => products.find((product) => product.capabilities.some((capability) => capability.id === capabilityId));

  const chooseProduct = (productId: string) => {
    const keep = value.capabilityId === NOT_IN_MATRIX || productOf(value.capabilityId)?.id === productId;
    onChange({ productId, capabilityId: keep ? value.capabilityId : "" });
  };
  const chooseCapability = (capabilityId: string) => {
    onChange({ productId: productOf(capabilityId)?.id ?? value.productId, capabilityId });
  };

  // Before hydration every product's capabilities are listed, so the plain select works alone.
  const shown = products
    .filter((product) => !hydrated || value.productId === "" || product.id === value.productId)
    .map((product) => ({
      ...product,
      capabilities: product.capabilities.filter((capability) => !hydrated || capability.id === value.capabilityId || matches(capability.title, filter)),
    }))
    .filter((product) => product.capabilities.length > 0);
  const grouped = !hydrated || value.productId === "";

  return (
    <>
      <div className="field">
        <label htmlFor={productMeta.id}>Product</label>
        <select
          id={productMeta.id}
          name={productMeta.name}
          value={value.productId}
          onChange={(event) => chooseProduct(event.target.value)}
          aria-invalid={productMeta.errors ? true : undefined}
          aria-describedby={productMeta.errors ? productMeta.errorId : undefined}
        >
          <option value="">Choose a product</option>
          {products.map((product) => (
            <option key={product.id} value={product.id}>
              {product.name}
            </option>
          ))}
        </select>
        <ErrorList id={productMeta.errorId} errors={productMeta.errors} />
      </div>
      <div className="field">
        <label htmlFor={capabilityMeta.id}>Capability</label>
        {hydrated ? (
          <div className="capability-filter">
            <label htmlFor={filterId} className="small">
              Filter capabilities
            </label>
            <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="e.g. export, SSO" autoComplete="off" />
          </div>
        ) : null}
        <select
          id={capabilityMeta.id}
          name={capabilityMeta.name}
          value={value.capabilityId}
          onChange={(event) => chooseCapability(event.target.value)}
          size={hydrated ? 8 : undefined}
          aria-invalid={capabilityMeta.errors ? true : undefined}
          aria-describedby={capabilityMeta.errors ? capabilityMeta.errorId : undefined}
        >
          {hydrated ? null : <option value="">Choose a capability</option>}
          {shown.map((product) =>
            grouped ? (
              <optgroup key={product.id} label={product.name}>
                {product.capabilities.map((capability) => (
                  <option key={capability.id} value={capability.id}>
                    {capability.title}
                  </option>
                ))}
              </optgroup>
            ) : (
              product.capabilities.map((capability) => (
                <option key={capability.id} value={capability.id}>
                  {capability.title}
                </option>
              ))
            ),
          )}
          <option value={NOT_IN_MATRIX}>Not in the matrix</option>
        </select>
        <span className="hint">Choose &ldquo;Not in the matrix&rdquo; when the claim was about something the matrix has no row for (then choose the product).</span>
        <ErrorList id={capabilityMeta.errorId} errors={capabilityMeta.errors} />
      </div>
    </>
  );
}
