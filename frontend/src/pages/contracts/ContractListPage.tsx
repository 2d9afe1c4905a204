/** Contracts in force, newest first, filtered by status and delinquency bucket (cursor-paged). */
import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Link, useSearchParams } from "react-router";

import { useCursorPages } from "../../api/useCursorPages";
import { BUCKETS, CONTRACT_STATUSES, type Bucket, type ContractStatus, type ContractSummary } from "../../contracts/types";
import { CursorTable } from "../../components/CursorTable";
import { PageHeader } from "../../components/PageHeader";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { BucketTag, ContractStatusTag } from "./labels";

export function ContractListPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = CONTRACT_STATUSES.find((s) => s === params.get("status")) ?? null;
  const bucket = BUCKETS.find((b) => b === params.get("bucket")) ?? null;

  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (bucket) query.set("bucket", bucket);
  const qs = query.toString();
  const list = useCursorPages<ContractSummary>(`/v1/contracts${qs ? `?${qs}` : ""}`);

  const setFilter = (name: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<ContractSummary> = [
    {
      title: t("svc.col.contract"),
      key: "id",
      render: (_, row) => (
        <Link to={`/contracts/${encodeURIComponent(row.id)}`} data-testid={`contract-link-${row.id}`}>
          <Typography.Text className="code-text">{row.id}</Typography.Text>
        </Link>
      ),
    },
    { title: t("svc.customer"), key: "customer", ellipsis: true, responsive: ["md"], render: (_, row) => row.customer_label ?? row.customer_id },
    { title: t("svc.col.product"), dataIndex: "product_code", width: 180, responsive: ["md"] },
    {
      title: t("contract.principal"), dataIndex: "principal", align: "right", className: "num", width: 150, responsive: ["lg"],
      render: (v: string, row) => formatMoney(v, row.currency),
    },
    {
      title: t("contract.outstanding"), dataIndex: "outstanding", align: "right", className: "num", width: 150,
      render: (v: string, row) => formatMoney(v, row.currency),
    },
    { title: t("contract.status"), dataIndex: "status", width: 100, render: (v: string) => <ContractStatusTag status={v} /> },
    {
      title: t("contract.bucket"), dataIndex: "bucket", width: 150,
      render: (v: Bucket, row) => <BucketTag bucket={v} days={row.days_past_due} />,
    },
    { title: t("contract.disbursedOn"), dataIndex: "disbursed_on", width: 120, className: "num", responsive: ["xl"] },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.contracts")}
        subtitle={t("svc.list.subtitle")}
        extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />}
      />
      <Card variant="borderless" className="table-card list-card">
        <div className="list-toolbar list-toolbar-padded">
          <Space wrap>
            <Select<ContractStatus | "all">
              value={status ?? "all"}
              onChange={(v) => setFilter("status", v === "all" ? null : v)}
              style={{ minWidth: 140 }}
              aria-label={t("contract.status")}
              data-testid="filter-status"
              options={[
                { value: "all", label: t("svc.filter.allStatuses") },
                ...CONTRACT_STATUSES.map((s) => ({ value: s, label: lookup(locale, `contract.state.${s}`) ?? s })),
              ]}
            />
            <Select<Bucket | "all">
              value={bucket ?? "all"}
              onChange={(v) => setFilter("bucket", v === "all" ? null : v)}
              style={{ minWidth: 140 }}
              aria-label={t("contract.bucket")}
              data-testid="filter-bucket"
              options={[
                { value: "all", label: t("svc.filter.allBuckets") },
                ...BUCKETS.map((b) => ({ value: b, label: lookup(locale, `svc.bucket.${b}`) ?? b })),
              ]}
            />
          </Space>
        </div>
        <CursorTable<ContractSummary>
          list={list}
          empty={status || bucket ? t("svc.list.emptyFiltered") : t("svc.list.empty")}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 640 }}
          data-testid="contracts-table"
        />
      </Card>
    </>
  );
}
