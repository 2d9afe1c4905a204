/** Statuses, classes and kinds of the group-risk pages, as tags and words in the user's language. */
import { Tag } from "antd";

import { lookup, useI18n, type MessageKey } from "../i18n";
import { formatAmount, formatRate, toScale } from "../money/decimal";
import { CATEGORY_COLORS, industrySection } from "./portfolio";
import type { FiveCategory, RunStatus } from "./types";

const RUN_COLORS: Record<string, string> = {
  QUEUED: "default", RUNNING: "processing", SUCCEEDED: "success", PARTIAL: "warning", FAILED: "error",
};

export function RunStatusTag({ status, testId }: { status: RunStatus | string; testId?: string }) {
  const { locale } = useI18n();
  return (
    <Tag color={RUN_COLORS[status] ?? "default"} data-status={status} data-testid={testId} className="status-tag">
      {lookup(locale, `hq.runStatus.${status}`) ?? status}
    </Tag>
  );
}

export function ClassTag({ value }: { value: FiveCategory | string }) {
  const { t } = useI18n();
  return (
    <Tag color={CATEGORY_COLORS[value as FiveCategory]} data-class={value} className="status-tag">
      {t(`hq.class.${value}` as MessageKey)}
    </Tag>
  );
}

const VALIDATION_COLORS: Record<string, string> = { passed: "success", passed_with_warnings: "warning", failed: "error", warning: "warning" };

export function ValidationTag({ status, testId }: { status?: string | null; testId?: string }) {
  const { locale } = useI18n();
  if (!status) return <span className="muted">—</span>;
  return (
    <Tag color={VALIDATION_COLORS[status] ?? "default"} data-status={status} data-testid={testId} className="status-tag">
      {lookup(locale, `hq.validation.${status}`) ?? status}
    </Tag>
  );
}

const SEVERITY_COLORS: Record<string, string> = { alert: "gold", near_breach: "orange", breach: "red" };

export function SeverityTag({ severity }: { severity: string }) {
  const { locale } = useI18n();
  return (
    <Tag color={SEVERITY_COLORS[severity] ?? "default"} className="status-tag" data-severity={severity}>
      {lookup(locale, `hq.severity.${severity}`) ?? severity}
    </Tag>
  );
}

const WARNING_STATUS_COLORS: Record<string, string> = { open: "red", acknowledged: "blue", resolved: "default" };

export function WarningStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { locale } = useI18n();
  return (
    <Tag color={WARNING_STATUS_COLORS[status] ?? "default"} className="status-tag" data-status={status} data-testid={testId}>
      {lookup(locale, `hq.warningStatus.${status}`) ?? status}
    </Tag>
  );
}

/** A word for a key the API may extend (a new product kind, warning kind…): ours if known, else the key. */
export function known(locale: Parameters<typeof lookup>[0], prefix: string, key: string): string {
  return lookup(locale, `${prefix}.${key}`) ?? key;
}

/** "C17 · 制造业": the code with its GB/T 4754 section's name. */
export function industryLabel(locale: Parameters<typeof lookup>[0], code: string): string {
  const section = industrySection(code);
  if (!section) return lookup(locale, "hq.industry.unknown") ?? code;
  const name = lookup(locale, `hq.industry.${section}`);
  return name ? `${code} · ${name}` : code;
}

/** An exposure as people read it on a dashboard: "CNY 23,749,895.80". */
export function money(value: string, currency = "CNY"): string {
  return `${currency} ${formatAmount(value, currency)}`;
}

/** A share or ratio (a fraction) in percent, two places: "0.003477" → "0.35%". */
export function percent(fraction: string): string {
  return formatRate(toScale(fraction, 6), 2);
}
