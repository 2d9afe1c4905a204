/** Statuses and kinds as tags. */
import { Tag } from "antd";

import { useI18n, type MessageKey } from "../i18n";
import type { ProductKind, VersionStatus } from "./types";

const STATUS_COLORS: Record<VersionStatus, string> = {
  draft: "default",
  submitted: "gold",
  approved: "cyan",
  active: "green",
  suspended: "orange",
  retired: "default",
};

export function StatusTag({ status, testId }: { status: VersionStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status} data-testid={testId} className="status-tag">
      {t(`pf.status.${status}` as MessageKey)}
    </Tag>
  );
}

const KIND_COLORS: Record<ProductKind, string> = { loan: "blue", lease: "purple", factoring: "geekblue" };

export function KindTag({ kind }: { kind: ProductKind }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLORS[kind]}>{t(`calc.kind.${kind}`)}</Tag>;
}

