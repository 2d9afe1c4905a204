/** Customer types and verification levels as tags. */
import { Tag } from "antd";

import { useI18n } from "../i18n";
import type { CustomerType, VerificationLevel } from "./types";

export function CustomerTypeTag({ type }: { type: CustomerType }) {
  const { t } = useI18n();
  return <Tag color={type === "enterprise" ? "purple" : "blue"}>{t(`cust.type.${type}`)}</Tag>;
}

const LEVEL_COLORS: Record<VerificationLevel, string> = {
  visitor: "default",
  registered: "default",
  phone_verified: "cyan",
  weak_real_name: "blue",
  strong_real_name: "green",
};

export function VerificationTag({ level }: { level: VerificationLevel }) {
  const { t } = useI18n();
  return <Tag color={LEVEL_COLORS[level]}>{t(`cust.level.${level}`)}</Tag>;
}
