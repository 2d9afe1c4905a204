/** Contracts: one contract in force (`/contracts/:id`); the list is still to come. */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Table, Tag } from "antd";
import { Link, Route, Routes, useNavigate, useParams } from "react-router";

import { useResource } from "../api/useResource";
import type { LoanContract } from "../applications/types";
import { PageHeader } from "../components/PageHeader";
import { ErrorState, LoadingState } from "../components/States";
import { lookup, useI18n } from "../i18n";
import { formatAmount, formatMoney } from "../money/decimal";
import type { NavItem } from "../nav/menu";
import { ComingSoonPage } from "./ComingSoonPage";
import { NotFoundPage } from "./StatusPages";

export function ContractsSection({ item }: { item: NavItem }) {
  return (
    <Routes>
      <Route index element={<ComingSoonPage item={item} />} />
      <Route path=":id" element={<ContractPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function ContractPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const contract = useResource<LoanContract>(`/v1/contracts/${encodeURIComponent(id)}`);

  if (contract.error !== null) return <ErrorState error={contract.error} onRetry={contract.reload} />;
  const c = contract.data?.id === id ? contract.data : null;
  if (!c) return <LoadingState />;
  const money = (v: string | undefined) => (v === undefined ? "—" : formatAmount(v, c.currency));

  return (
    <>
      <PageHeader
        title={`${t("contract.title")} ${c.id}`}
        subtitle={c.product_code}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/applications/${encodeURIComponent(c.application_id)}`)}>
            {t("contract.application")}
          </Button>
        }
      />
      <Card variant="borderless" data-testid="contract-detail" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: "status", label: t("contract.status"), children: <Tag color="success" data-testid="contract-status" data-status={c.status}>{lookup(locale, `contract.state.${c.status}`) ?? c.status}</Tag> },
            { key: "principal", label: t("contract.principal"), children: <span className="num" data-testid="contract-principal">{formatMoney(c.principal, c.currency)}</span> },
            { key: "outstanding", label: t("contract.outstanding"), children: <span className="num">{formatMoney(c.outstanding, c.currency)}</span> },
            { key: "op", label: t("contract.outstandingPrincipal"), children: <span className="num">{formatMoney(c.outstanding_principal, c.currency)}</span> },
            { key: "disbursed", label: t("contract.disbursedOn"), children: c.disbursed_on },
            { key: "bucket", label: t("contract.bucket"), children: c.bucket },
            { key: "application", label: t("contract.application"), children: (
              <Link to={`/applications/${encodeURIComponent(c.application_id)}`}>{c.application_id}</Link>
            ) },
          ]}
        />
      </Card>
      <Card variant="borderless" title={t("contract.schedule")} className="table-card">
        <Table
          rowKey="seq"
          size="small"
          pagination={false}
          dataSource={c.schedule}
          scroll={{ x: 620 }}
          data-testid="contract-schedule"
          columns={[
            { title: t("contract.col.seq"), dataIndex: "seq", width: 60, align: "center" },
            { title: t("contract.col.dueOn"), dataIndex: "due_on", width: 120, className: "num" },
            { title: t("contract.col.principal"), key: "principal", align: "right", className: "num", render: (_, r) => money(r.scheduled.principal) },
            { title: t("contract.col.interest"), key: "interest", align: "right", className: "num", render: (_, r) => money(r.scheduled.interest) },
            { title: t("contract.col.outstanding"), dataIndex: "outstanding", align: "right", className: "num", render: (v: string) => money(v) },
            { title: t("contract.col.status"), dataIndex: "status", width: 110, render: (v: string) => lookup(locale, `contract.inst.${v}`) ?? v },
          ]}
        />
      </Card>
    </>
  );
}
