import { describe, expect, it } from "vitest";
import { PAYROLL_CSV_HEADER, formatCentsPlain, formatScore4, payrollRow } from "./comp-payroll.ts";
import { parseCsv, toCsv } from "./csv-safety.ts";

const statement = {
  email: "sales@candor.test",
  name: '=HYPERLINK("http://evil")',
  team: "Enterprise East",
  period: "2026-Q3",
  accuracy: 0.91999999,
  quiz: null,
  satisfaction: 0.9,
  composite: 0.90625,
  multiplier: 1.3113,
  targetBonusCents: 2_400_000,
  payoutCents: 2_400_000,
  adjustmentCents: -747_120,
};

describe("the payroll row", () => {
  it("has the agreed columns in order, scores to 4 decimals, cents as integers, a dropped Q empty", () => {
    expect(PAYROLL_CSV_HEADER.join(",")).toBe(
      "email,name,team,period,accuracy,quiz,satisfaction,composite,multiplier,target_bonus_cents,payout_cents,adjustment_cents",
    );
    expect(payrollRow(statement)).toEqual([
      "sales@candor.test",
      '=HYPERLINK("http://evil")',
      "Enterprise East",
      "2026-Q3",
      "0.9200",
      "",
      "0.9000",
      "0.9063",
      "1.3113",
      2_400_000,
      2_400_000,
      -747_120,
    ]);
  });

  it("neutralises formula injection in text but keeps a negative adjustment a number", () => {
    const [, row] = parseCsv(toCsv([...PAYROLL_CSV_HEADER], [payrollRow(statement)]));
    expect(row?.[1]).toBe('\'=HYPERLINK("http://evil")');
    expect(row?.[11]).toBe("-747120");
  });

  it("rounds scores half away from zero, like the statement page", () => {
    expect(formatScore4(0.00005)).toBe("0.0001");
    expect(formatScore4(1.00005)).toBe("1.0001");
    expect(formatCentsPlain(-123_456)).toBe("-1,234.56");
    expect(formatCentsPlain(5)).toBe("0.05");
  });
});
