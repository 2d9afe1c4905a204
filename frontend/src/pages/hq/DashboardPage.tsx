/** HQ's group dashboard for one snapshot: the portfolio by every dimension, NPL and concentration. */
import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, DatePicker, Row, Segmented, Space, Statistic, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";

import { ApiError } from "../../api/errors";
import type { Page } from "../../api/types";
import { useResource } from "../../api/useResource";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useI18n } from "../../i18n";
import { toScale } from "../../money/decimal";
import { CLASS_COLORS, ExposureBars, NplTrend, ShareDonut, TopTenBars, useDashboardSlices, useNames } from "../../hq/DashboardCharts";
import { ClassTag, money, percent } from "../../hq/labels";
import { breakdownRows, drillPath, snapshotDates } from "../../hq/portfolio";
import { StartRun } from "../../hq/StartRun";
import type { Dashboard, Run, TopCustomer, TopGroup } from "../../hq/types";

function ChartCard({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} className="hq-chart-card" data-testid={testId}>
      {children}
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asOf = params.get("as_of");
  const runs = useResource<Page<Run>>("/v1/group/consolidations?limit=200");
  const dates = useMemo(() => snapshotDates(runs.data?.items ?? []), [runs.data]);
  const dash = useResource<Dashboard>(`/v1/group/dashboard${asOf ? `?as_of=${encodeURIComponent(asOf)}` : ""}`);
  const data = dash.data;
  const names = useNames();
  const s = useDashboardSlices(data);
  const [level, setLevel] = useState<"customers" | "groups">("customers");

  const noSnapshot = dash.error instanceof ApiError && dash.error.code === "risk.snapshot.not_found";
  const picker = (
    <DatePicker
      value={asOf ? dayjs(asOf) : data ? dayjs(data.as_of) : null}
      onChange={(d) => {
        const next = new URLSearchParams(params);
        if (d) next.set("as_of", d.format("YYYY-MM-DD"));
        else next.delete("as_of");
        setParams(next, { replace: true });
      }}
      disabledDate={(d) => !dates.includes(d.format("YYYY-MM-DD"))}
      placeholder={t("hq.dash.latest")}
      aria-label={t("hq.dash.snapshot")}
      data-testid="snapshot-date"
    />
  );
  const reload = () => {
    runs.reload();
    dash.reload();
  };

  let body: React.ReactNode;
  if (dash.loading && !data) body = <LoadingState />;
  else if (noSnapshot && !asOf) {
    body = (
      <Card variant="borderless">
        <EmptyState description={t("hq.dash.noSnapshot")}>
          <StartRun />
        </EmptyState>
      </Card>
    );
  } else if (dash.error) body = <ErrorState error={dash.error} onRetry={reload} />;
  else if (data) body = <DashboardBody data={data} s={s} names={names} level={level} setLevel={setLevel} />;

  return (
    <>
      <PageHeader
        title={t("hq.dash.title")}
        subtitle={data ? t("hq.dash.subtitle", { date: data.as_of, run: data.run.run_id }) : t("hq.dash.subtitleEmpty")}
        extra={
          <Space wrap>
            {picker}
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t("state.retry")} />
          </Space>
        }
      />
      {body}
    </>
  );
}

function DashboardBody({ data, s, names, level, setLevel }: {
  data: Dashboard;
  s: ReturnType<typeof useDashboardSlices>;
  names: ReturnType<typeof useNames>;
  level: "customers" | "groups";
  setLevel: (l: "customers" | "groups") => void;
}) {
  const { t } = useI18n();
  const currency = data.currency || "CNY";
  const missing = data.missing_subsidiaries ?? data.run.missing_subsidiaries ?? [];

  const customerColumns: TableColumnsType<TopCustomer> = [
    { title: "#", dataIndex: "rank", width: 48 },
    {
      title: t("hq.col.customer"), dataIndex: "label", width: 240,
      render: (label: string, row) => (
        <Link to={drillPath(row.identity_hash, data.run.run_id)} data-testid={`top10-link-${row.rank}`}>{label}</Link>
      ),
    },
    { title: t("hq.dash.exposure"), dataIndex: "exposure", className: "num", render: (v: string) => money(v, currency) },
    { title: t("hq.dash.share"), dataIndex: "share", className: "num", width: 90, render: (v: string) => percent(v) },
    { title: t("hq.col.class"), dataIndex: "classification", width: 90, responsive: ["md"], render: (c: string) => <ClassTag value={c} /> },
    {
      title: t("hq.col.bySubsidiary"), dataIndex: "by_subsidiary", responsive: ["lg"],
      render: (by: Record<string, string>) => (
        <span className="tag-list">{breakdownRows(by).map((r) => <Tag key={r.subsidiary}>{names.subsidiary(r.subsidiary)}</Tag>)}</span>
      ),
    },
  ];
  const groupColumns: TableColumnsType<TopGroup> = [
    { title: "#", dataIndex: "rank", width: 48 },
    {
      title: t("hq.col.groupCustomer"), dataIndex: "label", width: 240,
      render: (label: string, row) => (
        <Link to={drillPath(row.group_customer_id, data.run.run_id)} data-testid={`top10-group-link-${row.rank}`}>{label}</Link>
      ),
    },
    { title: t("hq.dash.exposure"), dataIndex: "exposure", className: "num", render: (v: string) => money(v, currency) },
    { title: t("hq.dash.share"), dataIndex: "share", className: "num", width: 90, render: (v: string) => percent(v) },
    { title: t("hq.col.members"), dataIndex: "members", width: 80, className: "num", responsive: ["md"] },
  ];

  return (
    <div className="hq-dashboard" data-testid="hq-dashboard" data-run={data.run.run_id}>
      {data.run.status === "PARTIAL" && (
        <Alert type="warning" showIcon className="hq-alert" data-testid="dash-partial"
          title={t("hq.run.partial", { subsidiaries: missing.join(", ") })} />
      )}
      <Row gutter={[12, 12]} className="hq-kpis">
        <Col xs={12} md={8} xl={4}><Card size="small"><Statistic title={t("hq.dash.totalExposure")} value={money(data.totals.exposure, currency)} /></Card></Col>
        <Col xs={12} md={8} xl={4}><Card size="small"><Statistic title={t("hq.dash.customers")} value={`${data.totals.customers} / ${data.totals.group_customers}`} /></Card></Col>
        <Col xs={12} md={8} xl={4}><Card size="small" data-testid="kpi-npl"><Statistic title={t("hq.dash.nplRatio")} value={percent(data.npl_ratio)} /></Card></Col>
        <Col xs={12} md={8} xl={4}><Card size="small" data-testid="kpi-hhi"><Statistic title={t("hq.dash.hhi")} value={toScale(data.concentration.hhi, 4)} /></Card></Col>
        <Col xs={12} md={8} xl={4}><Card size="small"><Statistic title={t("hq.dash.top10Share")} value={percent(data.concentration.top10_share)} /></Card></Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t("hq.dash.openWarnings")} value={data.warnings.open}
              suffix={data.warnings.breaches ? <Typography.Text type="danger">({t("hq.dash.breaches", { n: data.warnings.breaches })})</Typography.Text> : undefined} />
            <Link to="/hq/warnings?status=open">{t("hq.dash.toWarnings")}</Link>
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <ChartCard title={t("hq.chart.bySubsidiary")}>
            <ShareDonut list={s.subsidiary} name={names.subsidiary} currency={currency} testId="chart-subsidiary" title={t("hq.chart.bySubsidiary")} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t("hq.chart.byKind")}>
            <ShareDonut list={s.productKind} name={names.productKind} currency={currency} testId="chart-product-kind" title={t("hq.chart.byKind")} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t("hq.chart.byClass")}>
            <ExposureBars list={s.classification} name={names.classification} currency={currency} colors={CLASS_COLORS}
              testId="chart-classification" title={t("hq.chart.byClass")} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t("hq.chart.byBucket")}>
            <ExposureBars list={s.bucket} name={names.bucket} currency={currency} testId="chart-delinquency" title={t("hq.chart.byBucket")} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t("hq.chart.byIndustry")}>
            <ExposureBars list={s.industry} name={names.industry} currency={currency} horizontal testId="chart-industry" title={t("hq.chart.byIndustry")} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t("hq.chart.trend")}>
            <NplTrend data={data} title={t("hq.chart.trend")} />
          </ChartCard>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={t("hq.chart.top10")}
            extra={
              <Segmented
                size="small"
                value={level}
                onChange={(v) => setLevel(v as "customers" | "groups")}
                options={[{ label: t("hq.dash.level.customers"), value: "customers" }, { label: t("hq.dash.level.groups"), value: "groups" }]}
                data-testid="top10-level"
              />
            }
          >
            <Typography.Paragraph type="secondary" className="hq-hint">
              {t("hq.dash.concentration", {
                hhi: toScale(data.concentration.hhi, 4),
                points: data.concentration.hhi_points ?? "—",
                share: percent(data.concentration.top10_share),
              })}
            </Typography.Paragraph>
            <Row gutter={[16, 12]}>
              <Col xs={24}>
                <TopTenBars data={data} groups={level === "groups"} subsidiaryName={names.subsidiary} title={t("hq.chart.top10")} />
              </Col>
              <Col xs={24}>
                {level === "customers" ? (
                  <Table<TopCustomer> rowKey="identity_hash" size="small" columns={customerColumns} dataSource={data.top10}
                    pagination={false} locale={{ emptyText: <EmptyState /> }} data-testid="top10-table" scroll={{ x: 520 }} />
                ) : (
                  <Table<TopGroup> rowKey="group_customer_id" size="small" columns={groupColumns} dataSource={data.top10_groups}
                    pagination={false} locale={{ emptyText: <EmptyState /> }} data-testid="top10-groups-table" scroll={{ x: 420 }} />
                )}
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
