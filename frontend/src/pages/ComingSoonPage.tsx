/** A page whose API is not live yet: says so plainly, shows no made-up data. */
import { ClockCircleOutlined } from "@ant-design/icons";
import { Card, Result, Typography } from "antd";

import { useI18n } from "../i18n";
import type { NavItem } from "../nav/menu";
import { PageHeader } from "../components/PageHeader";

export function ComingSoonPage({ item }: { item: NavItem }) {
  const { t } = useI18n();
  const title = t(item.label);
  return (
    <>
      <PageHeader title={title} />
      <Card variant="borderless">
        <Result
          icon={<ClockCircleOutlined style={{ color: "#8c9bb5" }} />}
          title={<span data-testid="coming-soon">{t("state.comingSoon")}</span>}
          subTitle={t("state.comingSoonHint", { page: title })}
          extra={item.api && <Typography.Text code>{item.api}</Typography.Text>}
        />
      </Card>
    </>
  );
}
