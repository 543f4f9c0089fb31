/** A survey's deal in a table cell: its account, then the CRM's external ID and the product, small. */
export function dealCell(deal: { account: string; externalId: string; product: string | null }) {
  return (
    <>
      {deal.account}
      <br />
      <span className="small muted">
        {deal.externalId}
        {deal.product ? ` · ${deal.product}` : ""}
      </span>
    </>
  );
}
