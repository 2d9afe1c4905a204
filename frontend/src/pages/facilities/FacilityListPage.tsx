/** This tenant's facilities with a utilization bar each (used = utilized + blocked). */
import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Progress, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router";

import { useResource } from "../../api/useResource";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { usedPercent, type Facility } from "./types";

export function FacilityStatusTag({ status }: { status: string }) {
  const { locale } = useI18n();
  const color = status === "active" ? "green" : status === "frozen" ? "blue" : status === "expired" || status === "rejected" ? "red" : "default";
  return <Tag color={color} data-testid="facility-status">{lookup(locale, `fac.state.${status}`) ?? status}</Tag>;
}

export function FacilityListPage() {
  const { t } = useI18n();
  const list = useResource<{ items: Facility[] }>("/v1/facilities?limit=200");

  const columns: TableColumnsType<Facility> = [
    {
      title: t("fac.customer"), key: "customer",
      render: (_, f) => (
        <Link to={`/facilities/${encodeURIComponent(f.facility_id)}`} data-testid={`facility-link-${f.facility_id}`}>
          {f.customer_name}
        </Link>
      ),
    },
    { title: t("fac.amount"), dataIndex: "amount", align: "right", className: "num", render: (v: string, f) => formatMoney(v, f.currency) },
    {
      title: t("fac.utilization"), key: "bar", width: 220,
      render: (_, f) => <Progress percent={usedPercent(f)} size="small" status={f.drawable ? "normal" : "exception"} />,
    },
    { title: t("fac.available"), dataIndex: "available", align: "right", className: "num", render: (v: string, f) => formatMoney(v, f.currency) },
    { title: t("fac.status"), dataIndex: "status", width: 110, render: (v: string) => <FacilityStatusTag status={v} /> },
    {
      title: t("fac.validity"), key: "validity", width: 210, className: "num", responsive: ["lg"],
      render: (_, f) => <Typography.Text type="secondary">{f.valid_from} → {f.valid_to}</Typography.Text>,
    },
  ];

  return (
    <>
      <PageHeader title={t("nav.facilities")} subtitle={t("fac.subtitle")}
        extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />} />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Card variant="borderless" className="table-card list-card">
          <Table<Facility> rowKey="facility_id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading}
            pagination={false} locale={{ emptyText: t("fac.empty") }} data-testid="facility-table" />
        </Card>
      )}
    </>
  );
}
