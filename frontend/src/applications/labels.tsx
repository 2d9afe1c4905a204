/** Status tags for applications: one colour per stage, the label in the user's language. */
import { Tag } from "antd";

import { useI18n } from "../i18n";
import type { ApplicationStatus } from "./types";

const COLORS: Record<ApplicationStatus, string> = {
  draft: "default",
  submitted: "processing",
  risk_checked: "processing",
  first_review: "processing",
  second_review: "purple",
  approved: "cyan",
  contract_issued: "geekblue",
  signed: "blue",
  disbursed: "success",
  withdrawn: "default",
  returned: "warning",
  rejected: "error",
  expired: "default",
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="application-status" data-status={status}>
      {t(`appl.status.${status}` as const)}
    </Tag>
  );
}
