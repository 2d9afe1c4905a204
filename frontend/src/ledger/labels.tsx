/** How ledger values read on screen: kinds, account types, amounts (exact strings, grouped). */
import { Tag } from "antd";

import { lookup, useI18n, type MessageKey } from "../i18n";
import { formatAmount, isDecimalString } from "../money/decimal";
import type { AccountType } from "./types";

export function KindTag({ kind }: { kind: string }) {
  const { locale } = useI18n();
  return <Tag color={kind === "reversal" ? "volcano" : kind === "manual" ? "purple" : "blue"}>{lookup(locale, `ledger.kind.${kind}`) ?? kind}</Tag>;
}

export function typeLabel(t: (k: MessageKey) => string, type: AccountType | string): string {
  return t(`ledger.type.${type}` as MessageKey);
}

/** An amount cell: blank for zero where a side simply has nothing (`blankZero`). */
export function Amount({ value, currency, blankZero = false }: { value: string | null | undefined; currency: string; blankZero?: boolean }) {
  if (value === null || value === undefined || !isDecimalString(value)) return <span className="num">—</span>;
  if (blankZero && /^-?0*(\.0*)?$/.test(value)) return <span className="num" />;
  return <span className="num">{formatAmount(value, currency)}</span>;
}
