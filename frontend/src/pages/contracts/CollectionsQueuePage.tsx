/** The collections work queue: active contracts by delinquency bucket, with a quick action log. */
import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Modal, Tabs, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";

import { useCursorPages } from "../../api/useCursorPages";
import { useAuth } from "../../auth/AuthProvider";
import { contractActions } from "../../contracts/permissions";
import { OVERDUE_BUCKETS, type ContractSummary } from "../../contracts/types";
import { CursorTable } from "../../components/CursorTable";
import { PageHeader } from "../../components/PageHeader";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { CollectionActionForm } from "./CollectionActions";
import { BucketTag } from "./labels";

export function CollectionsQueuePage() {
  const { me } = useAuth();
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const bucket = OVERDUE_BUCKETS.find((b) => b === params.get("bucket")) ?? "M1";
  const list = useCursorPages<ContractSummary>(`/v1/collections?bucket=${encodeURIComponent(bucket)}`);
  const [logging, setLogging] = useState<ContractSummary | null>(null);
  const canLog = contractActions(me?.roles ?? [], "active").has("collect");

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
    {
      title: t("svc.col.dpd"), dataIndex: "days_past_due", width: 130,
      sorter: (a, b) => a.days_past_due - b.days_past_due,
      render: (_: number, row) => <BucketTag bucket={row.bucket} days={row.days_past_due} />,
    },
    {
      title: t("contract.outstanding"), dataIndex: "outstanding", align: "right", className: "num", width: 150,
      render: (v: string, row) => formatMoney(v, row.currency),
    },
    { title: t("svc.col.product"), dataIndex: "product_code", width: 180, responsive: ["lg"] },
    { title: t("svc.customer"), key: "customer", responsive: ["md"], ellipsis: true, render: (_: unknown, row: ContractSummary) => row.customer_label ?? row.customer_id },
    ...(canLog
      ? [{
          title: "", key: "log", width: 110,
          render: (_: unknown, row: ContractSummary) => (
            <Button size="small" onClick={() => setLogging(row)} data-testid={`collect-${row.id}`}>{t("svc.collect.quick")}</Button>
          ),
        }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t("nav.collections")}
        subtitle={t("svc.queue.subtitle")}
        extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />}
      />
      <Card variant="borderless" className="table-card list-card">
        <div className="list-toolbar list-toolbar-padded">
          <Tabs
            activeKey={bucket}
            onChange={(key) => setParams(new URLSearchParams({ bucket: key }), { replace: true })}
            items={OVERDUE_BUCKETS.map((b) => ({
              key: b,
              label: <span data-testid={`bucket-tab-${b}`}>{lookup(locale, `svc.bucket.${b}`) ?? b}</span>,
            }))}
            style={{ flex: 1, minWidth: 0 }}
          />
        </div>
        <CursorTable<ContractSummary>
          list={list}
          empty={t("svc.queue.empty")}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 560 }}
          data-testid="collections-table"
        />
      </Card>
      <Modal
        open={logging !== null}
        title={logging ? t("svc.collect.quickTitle", { id: logging.id }) : ""}
        footer={null}
        onCancel={() => setLogging(null)}
        destroyOnHidden
      >
        {logging && (
          <CollectionActionForm contractId={logging.id} currency={logging.currency} idPrefix="quick"
            onLogged={() => setLogging(null)} />
        )}
      </Modal>
    </>
  );
}
