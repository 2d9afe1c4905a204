/** Drill-down from the dashboard: one customer's or group customer's exposure by subsidiary. */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";

import { useResource } from "../../api/useResource";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";
import { ExposureBars } from "../../hq/DashboardCharts";
import { ClassTag, industryLabel, money } from "../../hq/labels";
import { breakdownRows, drillPath, type Slice } from "../../hq/portfolio";
import { useSubsidiaryName } from "../../hq/subsidiaries";
import type { ContractLine, CustomerRow, CustomerView, Position } from "../../hq/types";

interface BreakdownRow {
  subsidiary: string;
  exposure: string;
  detail: Position;
}

export function CustomerPage() {
  const { key = "" } = useParams();
  const [params] = useSearchParams();
  const run = params.get("run");
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const subsidiaryName = useSubsidiaryName();
  const res = useResource<CustomerView>(`/v1/group/customers/${encodeURIComponent(key)}${run ? `?run=${encodeURIComponent(run)}` : ""}`);
  const data = res.data;
  const rows: BreakdownRow[] = useMemo(() => (data ? breakdownRows(data.by_subsidiary) : []), [data]);
  const chartSlices: Slice[] = useMemo(() => rows.map((r) => ({ key: r.subsidiary, exposure: r.exposure, position: r.detail })), [rows]);
  const currency = "CNY";

  const breakdownColumns: TableColumnsType<BreakdownRow> = [
    { title: t("hq.col.subsidiary"), dataIndex: "subsidiary", render: (s: string) => subsidiaryName(s) },
    { title: t("hq.dash.exposure"), dataIndex: "exposure", className: "num", render: (v: string) => money(v, currency) },
    { title: t("hq.col.principal"), key: "principal", className: "num", responsive: ["md"], render: (_, r) => money(r.detail.principal, currency) },
    { title: t("hq.col.contracts"), key: "contracts", className: "num", width: 80, render: (_, r) => r.detail.contracts },
    { title: t("hq.col.maxDpd"), key: "dpd", className: "num", width: 90, responsive: ["md"], render: (_, r) => r.detail.max_dpd },
    { title: t("hq.col.class"), key: "class", width: 90, render: (_, r) => <ClassTag value={r.detail.classification} /> },
  ];
  const contractColumns: TableColumnsType<ContractLine> = [
    { title: t("hq.col.subsidiary"), dataIndex: "subsidiary_id", render: (s: string) => subsidiaryName(s) },
    { title: t("hq.col.contract"), dataIndex: "contract_id", render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
    { title: t("hq.col.kind"), dataIndex: "product_kind", responsive: ["md"], render: (k: string) => lookup(locale, `hq.kind.${k}`) ?? k },
    { title: t("hq.dash.exposure"), dataIndex: "exposure", className: "num", render: (v: string, r) => money(v, r.currency) },
    { title: t("hq.col.dpd"), dataIndex: "days_past_due", className: "num", width: 80 },
    { title: t("hq.col.class"), dataIndex: "classification", width: 90, render: (c: string) => <ClassTag value={c} /> },
  ];
  const memberColumns: TableColumnsType<CustomerRow> = [
    {
      title: t("hq.col.customer"), dataIndex: "label",
      render: (label: string, r) => <Link to={drillPath(r.identity_hash, data?.run.run_id ?? "")}>{label ?? r.identity_hash.slice(0, 12)}</Link>,
    },
    { title: t("hq.dash.exposure"), dataIndex: "exposure", className: "num", render: (v: string) => money(v, currency) },
    {
      title: t("hq.col.bySubsidiary"), dataIndex: "by_subsidiary",
      render: (by: Record<string, string>) => (
        <span className="tag-list">{breakdownRows(by).map((r) => <Tag key={r.subsidiary}>{subsidiaryName(r.subsidiary)}: {money(r.exposure, currency)}</Tag>)}</span>
      ),
    },
    { title: t("hq.col.class"), dataIndex: "classification", width: 90, responsive: ["md"], render: (c?: string) => (c ? <ClassTag value={c} /> : "—") },
  ];

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>{t("hq.back")}</Button>
  );
  if (res.loading && !data) return <><PageHeader title={t("hq.cust.title")} extra={back} /><LoadingState /></>;
  if (res.error || !data) return <><PageHeader title={t("hq.cust.title")} extra={back} /><ErrorState error={res.error} onRetry={res.reload} /></>;

  const isGroup = data.level === "group_customer";
  return (
    <>
      <PageHeader
        title={data.label}
        subtitle={t(isGroup ? "hq.cust.groupSubtitle" : "hq.cust.subtitle", { date: data.run.as_of })}
        extra={<Space>{back}<Link to={`/hq/dashboard?as_of=${data.run.as_of}`}>{t("hq.cust.toDashboard")}</Link></Space>}
      />
      <div data-testid="customer-detail" data-level={data.level}>
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t("hq.cust.summary")}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t("hq.cust.level")}>{t(isGroup ? "hq.cust.levelGroup" : "hq.cust.levelCustomer")}</Descriptions.Item>
                <Descriptions.Item label={t("hq.dash.exposure")}><b data-testid="customer-exposure">{money(data.total.exposure, currency)}</b></Descriptions.Item>
                <Descriptions.Item label={t("hq.col.principal")}>{money(data.total.principal, currency)}</Descriptions.Item>
                <Descriptions.Item label={t("hq.col.contracts")}>{data.total.contracts}</Descriptions.Item>
                <Descriptions.Item label={t("hq.col.class")}><ClassTag value={data.total.classification} /></Descriptions.Item>
                {!isGroup && data.industry && <Descriptions.Item label={t("hq.col.industry")}>{industryLabel(locale, data.industry)}</Descriptions.Item>}
                {!isGroup && data.group_related_party && <Descriptions.Item label={t("hq.cust.related")}><Tag color="purple">{t("hq.cust.relatedYes")}</Tag></Descriptions.Item>}
                {!isGroup && data.group_customer && (
                  <Descriptions.Item label={t("hq.col.groupCustomer")}>
                    <Link to={drillPath(data.group_customer.group_customer_id, data.run.run_id)} data-testid="customer-group-link">
                      {data.group_customer.label} · {money(data.group_customer.total.exposure, currency)}
                    </Link>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t("hq.cust.bySubsidiary")}>
              <ExposureBars list={chartSlices} name={subsidiaryName} currency={currency} horizontal testId="chart-customer-subsidiary" title={t("hq.cust.bySubsidiary")} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t("hq.cust.bySubsidiary")} className="table-card">
              <Table<BreakdownRow> rowKey="subsidiary" size="small" columns={breakdownColumns} dataSource={rows} pagination={false}
                locale={{ emptyText: <EmptyState /> }} data-testid="customer-breakdown" scroll={{ x: 480 }} />
            </Card>
          </Col>
          {isGroup ? (
            <Col xs={24}>
              <Card size="small" title={t("hq.cust.members")} className="table-card">
                <Table<CustomerRow> rowKey="identity_hash" size="small" columns={memberColumns} dataSource={data.members} pagination={false}
                  locale={{ emptyText: <EmptyState /> }} data-testid="customer-members" scroll={{ x: 560 }} />
              </Card>
            </Col>
          ) : (
            <Col xs={24}>
              <Card size="small" title={t("hq.cust.contracts")} className="table-card">
                <Table<ContractLine> rowKey={(r) => `${r.subsidiary_id}/${r.contract_id}`} size="small" columns={contractColumns}
                  dataSource={data.contracts} pagination={false} locale={{ emptyText: <EmptyState /> }} data-testid="customer-contracts" scroll={{ x: 560 }} />
              </Card>
            </Col>
          )}
        </Row>
      </div>
    </>
  );
}
