/** HQ: group customers by keyed identity — relationships per subsidiary, group grade, consent indicator. */
import { Badge, Card, Descriptions, Drawer, Table, Tag, Tooltip } from "antd";
import { useState } from "react";

import { useResource } from "../../api/useResource";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState } from "../../components/States";
import { useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import type { GroupCustomer } from "./api";

export function GroupCustomersPage() {
  const { t } = useI18n();
  const list = useResource<{ items: GroupCustomer[] }>("/v1/group/relationships");
  const [open, setOpen] = useState<string | null>(null);
  const detail = useResource<GroupCustomer>(open ? `/v1/group/relationships/${open}` : null);
  if (list.error !== null) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <>
      <PageHeader title={t("gcust.title")} subtitle={t("gcust.subtitle")} />
      <Card variant="borderless">
        <Table size="small" rowKey="identity_hash" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="group-customers"
          onRow={(r) => ({ onClick: () => setOpen(r.identity_hash), style: { cursor: "pointer" } })}
          columns={[
            { title: t("gcust.customer"), dataIndex: "label" },
            { title: t("gcust.identity"), render: (_, r) => <span className="code-text">{r.identity_hash.slice(0, 12)}…</span> },
            { title: t("gcust.subsidiaries"), render: (_, r) => r.subsidiaries.map((s) => <Tag key={s}>{s}</Tag>) },
            { title: t("gcust.exposure"), render: (_, r) => <span className="num">{formatMoney(r.exposure)}</span> },
            { title: t("gcust.groupGrade"), render: (_, r) => r.group_grade ?? "—" },
            { title: t("gcust.consent"), render: (_, r) => (
              <Tooltip title={Object.entries(r.consent).map(([s, scopes]) => `${s}: ${scopes.join(", ") || "—"}`).join(" · ")}>
                <Badge status={r.shares_relationships ? "success" : "default"} text={t(r.shares_relationships ? "gcust.shared" : "gcust.notShared")} />
              </Tooltip>
            ) },
          ]} />
      </Card>
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={720} title={detail.data?.label}>
        {detail.data && (
          <>
            <Descriptions size="small" column={2} items={[
              { key: "grade", label: t("gcust.groupGrade"), children: detail.data.group_grade ?? "—" },
              { key: "exposure", label: t("gcust.exposure"), children: formatMoney(detail.data.exposure) },
            ]} />
            <Table size="small" rowKey="subsidiary_id" pagination={false} dataSource={detail.data.relationships ?? []} columns={[
              { title: t("gcust.subsidiary"), dataIndex: "subsidiary_id" },
              { title: t("c360.product"), render: (_, r) => r.products.join(", ") || "—" },
              { title: t("gcust.exposure"), render: (_, r) => formatMoney(r.exposure) },
              { title: t("c360.dpd"), dataIndex: "days_past_due" },
              { title: t("c360.value"), render: (_, r) => r.value_grade ?? "—" },
              { title: t("c360.activity"), render: (_, r) => r.activity_grade ?? "—" },
              { title: t("gcust.consent"), render: (_, r) => r.consent_scopes.map((s) => <Tag key={s} color="green">{t(`c360.scope.${s}` as never)}</Tag>) },
            ]} />
          </>
        )}
      </Drawer>
    </>
  );
}
