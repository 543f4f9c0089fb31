// Company-wide settings, one Setting row (key → value) each. Today there is one: the company's
// name, which the customer's survey page shows so the customer knows who is asking
// (PRODUCT.md §3, "the public survey page").
import { prisma } from "../lib/db.server.ts";
import { COMPANY_NAME_KEY, DEFAULT_COMPANY_NAME } from "../schemas/settings.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";

export { COMPANY_NAME_KEY, DEFAULT_COMPANY_NAME };

export interface CompanyNameSetting {
  /** The name an admin set, or null when none has been. */
  value: string | null;
  updatedAt: Date | null;
}

export async function getCompanyNameSetting(): Promise<CompanyNameSetting> {
  const row = await prisma.setting.findUnique({
    where: { key: COMPANY_NAME_KEY },
    select: { value: true, updatedAt: true },
  });
  return { value: row?.value ?? null, updatedAt: row?.updatedAt ?? null };
}

/** The company's name for a sentence: the one set, else "our company". */
export async function getCompanyName(): Promise<string> {
  return (await getCompanyNameSetting()).value ?? DEFAULT_COMPANY_NAME;
}

/** Stores the company's name with its audit row; an unchanged name writes nothing. */
export async function setCompanyName(audit: AuditContext, name: string): Promise<{ changed: boolean }> {
  const value = name.trim();
  return prisma.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: COMPANY_NAME_KEY }, select: { value: true } });
    if (before?.value === value) return { changed: false };
    await tx.setting.upsert({
      where: { key: COMPANY_NAME_KEY },
      create: { key: COMPANY_NAME_KEY, value },
      update: { value },
    });
    await recordAudit(tx, audit, {
      action: "settings.update",
      entityType: "Setting",
      entityId: COMPANY_NAME_KEY,
      before: { companyName: before?.value ?? null },
      after: { companyName: value },
    });
    return { changed: true };
  });
}
