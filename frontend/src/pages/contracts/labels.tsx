/** Tags for a contract's status, delinquency bucket and instalment status, in the user's language. */
import { Tag } from "antd";

import { lookup, useI18n } from "../../i18n";
import type { Bucket, InstalmentStatus } from "../../contracts/types";

const STATUS_COLORS: Record<string, string> = { active: "processing", closed: "success", written_off: "default" };
const BUCKET_COLORS: Record<string, string> = { current: "success", M1: "gold", M2: "orange", M3: "volcano", "M4+": "red" };
const INSTALMENT_COLORS: Record<InstalmentStatus, string> = {
  paid: "success", overdue: "error", due: "warning", partially_paid: "gold", not_due: "default",
};

export function ContractStatusTag({ status }: { status: string }) {
  const { locale } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status] ?? "default"} data-testid="contract-status" data-status={status}>
      {lookup(locale, `contract.state.${status}`) ?? status}
    </Tag>
  );
}

export function BucketTag({ bucket, days }: { bucket: Bucket | string; days?: number }) {
  const { locale, t } = useI18n();
  const name = lookup(locale, `svc.bucket.${bucket}`) ?? bucket;
  return (
    <Tag color={BUCKET_COLORS[bucket] ?? "default"} data-testid="contract-bucket" data-bucket={bucket}>
      {days && days > 0 ? `${name} · ${t("svc.dpd", { days })}` : name}
    </Tag>
  );
}

export function InstalmentStatusTag({ status }: { status: InstalmentStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={INSTALMENT_COLORS[status] ?? "default"} data-status={status} data-testid="instalment-status">
      {lookup(locale, `contract.inst.${status}`) ?? status}
    </Tag>
  );
}
