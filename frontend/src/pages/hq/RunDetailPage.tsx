/** One consolidation run: per-step and per-subsidiary progress, polled while it runs. */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space, Steps, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useEffect } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { useAuth } from "../../auth/AuthProvider";
import { useResource } from "../../api/useResource";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";

import { formatInstant } from "../../products/format";
import { money, percent, RunStatusTag, ValidationTag } from "../../hq/labels";
import { isActive } from "../../hq/portfolio";
import { durationMs, runPercent, stepFigures, stepViews } from "../../hq/runs";
import type { RunDetail, SubsidiaryProgress } from "../../hq/types";

const POLL_MS = 1000;
const SUB_COLORS: Record<string, string> = { extracted: "success", failed: "error", extracting: "processing", retrying: "warning" };

export function RunDetailPage() {
  const { runId = "" } = useParams();
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const navigate = useNavigate();

  const res = useResource<RunDetail>(`/v1/group/consolidations/${encodeURIComponent(runId)}`);
  const run = res.data;
  const active = isActive(run?.status);
  const { setData } = res;

  // Follow a running run: poll until it ends (a failed poll is retried on the next tick).
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const timer = window.setInterval(() => {
      api.get<RunDetail>(`/v1/group/consolidations/${encodeURIComponent(runId)}`, controller.signal)
        .then(setData)
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [active, api, runId, setData]);

  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/hq/consolidation")}>{t("hq.runs.back")}</Button>;
  if (res.loading && !run) return <><PageHeader title={t("hq.run.title")} extra={back} /><LoadingState /></>;
  if (res.error || !run) return <><PageHeader title={t("hq.run.title")} extra={back} /><ErrorState error={res.error} onRetry={res.reload} /></>;

  const steps = stepViews(run);
  const failed = new Set([...(run.missing_subsidiaries ?? []),
    ...run.subsidiary_progress.filter((p) => p.status === "failed").map((p) => p.subsidiary_id)]);
  const subColumns: TableColumnsType<SubsidiaryProgress> = [
    { title: t("hq.col.subsidiary"), dataIndex: "subsidiary_id", render: (s: string) => <Typography.Text code>{s}</Typography.Text> },
    {
      title: t("hq.col.status"), dataIndex: "status", width: 110,
      render: (s: string, r) => (
        <Tag color={SUB_COLORS[s] ?? "default"} data-testid={`sub-status-${r.subsidiary_id}`} data-status={s}>
          {lookup(locale, `hq.subStatus.${s}`) ?? s}
        </Tag>
      ),
    },
    { title: t("hq.col.attempts"), dataIndex: "attempts", width: 80, className: "num" },
    { title: t("hq.col.exposures"), dataIndex: "exposures", width: 90, className: "num", render: (v?: number | null) => v ?? "—" },
    {
      title: t("hq.col.error"), dataIndex: "error", responsive: ["md"],
      render: (e: SubsidiaryProgress["error"]) => (e ? <Typography.Text type="danger">{typeof e === "string" ? e : e.message ?? e.name}</Typography.Text> : "—"),
    },
  ];

  return (
    <>
      <PageHeader title={t("hq.run.title")} subtitle={t("hq.run.subtitle", { date: run.as_of, run: run.run_id })} extra={back} />
      <div data-testid="run-detail" data-status={run.status}>
        {run.status === "PARTIAL" && (
          <Alert type="warning" showIcon className="hq-alert" data-testid="run-partial"
            title={t("hq.run.partial", { subsidiaries: [...failed].join(", ") })} />
        )}
        {run.status === "FAILED" && (
          <Alert type="error" showIcon className="hq-alert" data-testid="run-failed"
            title={t("hq.run.failed")} description={run.error?.message} />
        )}
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={9}>
            <Card size="small" title={t("hq.run.overview")}>
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Space wrap>
                  <RunStatusTag status={run.status} testId="run-status" />
                  {run.validation_status && <ValidationTag status={run.validation_status} />}
                </Space>
                <Progress percent={runPercent(run)} status={run.status === "FAILED" ? "exception" : active ? "active" : run.status === "PARTIAL" ? "normal" : "success"}
                  aria-label={t("hq.run.progress")} />
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t("hq.col.asOf")}>{run.as_of}</Descriptions.Item>
                  <Descriptions.Item label={t("hq.col.requestedBy")}>{run.requested_by ?? t("hq.trigger.schedule")}</Descriptions.Item>
                  {run.started_at && <Descriptions.Item label={t("hq.col.started")}>{formatInstant(run.started_at)}</Descriptions.Item>}
                  {run.finished_at && <Descriptions.Item label={t("hq.col.finished")}>{formatInstant(run.finished_at)}</Descriptions.Item>}
                  {run.headline && <Descriptions.Item label={t("hq.dash.exposure")}>{money(run.headline.exposure)}</Descriptions.Item>}
                  {run.headline && <Descriptions.Item label={t("hq.dash.nplRatio")}>{percent(run.headline.npl_ratio)}</Descriptions.Item>}
                </Descriptions>
                {!active && run.status !== "FAILED" && (
                  <Space wrap>
                    <Link to={`/hq/dashboard?as_of=${run.as_of}`} data-testid="run-to-dashboard">{t("hq.run.toDashboard")}</Link>
                    <Link to={`/hq/reports/${encodeURIComponent(run.run_id)}`}>{t("hq.run.toReports")}</Link>
                  </Space>
                )}
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Card size="small" title={t("hq.run.steps")}>
              <Steps
                orientation="vertical"
                size="small"
                data-testid="run-steps"
                items={steps.map((s) => {
                  const ms = durationMs(s.record?.started_at, s.record?.finished_at);
                  const figures = stepFigures(s.record);
                  return {
                    status: s.state,
                    title: <span data-testid={`step-${s.step}`} data-state={s.state}>{lookup(locale, `hq.step.${s.step}`) ?? s.step}</span>,
                    description: (
                      <span className="muted">
                        {lookup(locale, `hq.stepState.${s.state}`)}
                        {ms !== null ? ` · ${ms} ms` : ""}
                        {figures.length ? ` · ${figures.map(([k, v]) => `${lookup(locale, `hq.figure.${k}`) ?? k} ${k === "validation" ? lookup(locale, `hq.validation.${v}`) ?? v : v}`).join(", ")}` : ""}
                      </span>
                    ),
                  };
                })}
              />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t("hq.run.subsidiaries")} className="table-card">
              <Table<SubsidiaryProgress> rowKey="subsidiary_id" size="small" columns={subColumns} dataSource={run.subsidiary_progress}
                pagination={false} locale={{ emptyText: <EmptyState description={t("hq.run.noSubsidiariesYet")} /> }}
                data-testid="run-subsidiaries" scroll={{ x: 480 }} />
            </Card>
          </Col>
        </Row>
      </div>
    </>
  );
}
