import type { Prisma } from "../../../app/generated/prisma/client.ts";

// The capability page's edit form ("update"), as the page fills it in from the row it shows.

/** What the edit form shows of a capability. */
export const editableCapability = {
  id: true,
  key: true,
  title: true,
  description: true,
  status: true,
  conditions: true,
  painPoints: true,
  docsUrl: true,
  ownerId: true,
  version: true,
} satisfies Prisma.CapabilitySelect;

type EditableCapability = Prisma.CapabilityGetPayload<{ select: typeof editableCapability }>;

/** The fields the edit form posts for `row`, with `changes` made by the person editing it. */
export function capabilityEditForm(row: EditableCapability, changes: Record<string, string>): Record<string, string> {
  return {
    intent: "update",
    title: row.title,
    description: row.description,
    status: row.status,
    conditions: row.conditions,
    painPoints: row.painPoints,
    docsUrl: row.docsUrl ?? "",
    ownerId: row.ownerId ?? "",
    version: String(row.version),
    ...changes,
  };
}
