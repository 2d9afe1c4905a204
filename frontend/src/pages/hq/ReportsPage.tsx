/** A run's report datasets: its validation result, each rule checked, and each file to download. */
import { DownloadOutlined, FileTextOutlined } from "@ant-design/icons";
import { App, Button, Card, Select, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";

import { errorMessage } from "../../api/errors";
import type { Page } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";
import { fetchReport, reportPath, saveBlob } from "../../hq/download";
import { RunStatusTag, ValidationTag } from "../../hq/labels";
import { COMPLETE_STATUSES } from "../../hq/portfolio";
import type { ReportDownload, Run, ValidationRule } from "../../hq/types";

interface Dataset {
  name: string;
}

function ValidationRules({ runId }: { runId: string }) {
  const { t, locale } = useI18n();
  const res = useResource<ReportDownload>(reportPath(runId, "validation-report.json", true));
  const rules = useMemo<ValidationRule[]>(() => {
    try {
      return res.data?.content ? (JSON.parse(res.data.content) as { rules: ValidationRule[] }).rules ?? [] : [];
    } catch {
      return [];
    }
  }, [res.data]);
  if (res.loading) return <LoadingState />;
  if (res.error) return <ErrorState error={res.error} onRetry={res.reload} />;
  const columns: TableColumnsType<ValidationRule> = [
    { title: t("hq.rep.rule"), dataIndex: "rule", render: (r: string) => { const [name, sub] = r.split(":"); return `${lookup(locale, `hq.rule.${name}`) ?? name}${sub ? ` · ${sub}` : ""}`; } },
    { title: t("hq.col.status"), dataIndex: "status", width: 110, render: (s: string) => <ValidationTag status={s} /> },
    { title: t("hq.rep.finding"), dataIndex: "message", responsive: ["md"] },
  ];
  return <Table<ValidationRule> rowKey="rule" size="small" columns={columns} dataSource={rules} pagination={false}
    locale={{ emptyText: <EmptyState /> }} data-testid="validation-rules" scroll={{ x: 420 }} />;
}

export function ReportsPage() {
  const { runId } = useParams();
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const runs = useResource<Page<Run>>("/v1/group/consolidations?limit=200");
  const complete = useMemo(() => (runs.data?.items ?? []).filter((r) => COMPLETE_STATUSES.includes(r.status)), [runs.data]);
  const selected = runId ?? complete[0]?.run_id;
  const run = useResource<Run>(selected ? `/v1/group/consolidations/${encodeURIComponent(selected)}` : null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (!runId && complete[0]) navigate(`/hq/reports/${encodeURIComponent(complete[0].run_id)}`, { replace: true });
  }, [runId, complete, navigate]);

  const download = async (name: string) => {
    if (!selected) return;
    setBusy(name);
    try {
      const { blob } = await fetchReport(api, selected, name);
      saveBlob(blob, `${run.data?.as_of ?? selected}-${name}`);
    } catch (e) {
      message.error(errorMessage(e, locale));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<Dataset> = [
    {
      title: t("hq.rep.dataset"), dataIndex: "name",
      render: (n: string) => (
        <Space>
          <FileTextOutlined />
          <span>{lookup(locale, `hq.dataset.${n}`) ?? n}</span>
          <Typography.Text type="secondary" code className="code-text">{n}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t("hq.col.actions"), key: "download", width: 130,
      render: (_, d) => (
        <Button size="small" icon={<DownloadOutlined />} loading={busy === d.name} onClick={() => download(d.name)} data-testid={`report-download-${d.name}`}>
          {t("hq.rep.download")}
        </Button>
      ),
    },
  ];

  const picker = (
    <Select
      value={selected}
      onChange={(id) => navigate(`/hq/reports/${encodeURIComponent(id)}`)}
      options={complete.map((r) => ({ value: r.run_id, label: `${r.as_of} · ${lookup(locale, `hq.runStatus.${r.status}`) ?? r.status} · ${r.run_id.slice(-6)}` }))}
      style={{ minWidth: 240 }}
      loading={runs.loading}
      aria-label={t("hq.rep.run")}
      data-testid="report-run"
      placeholder={t("hq.rep.run")}
    />
  );

  let body: React.ReactNode;
  if (runs.loading && !runs.data) body = <LoadingState />;
  else if (runs.error) body = <ErrorState error={runs.error} onRetry={runs.reload} />;
  else if (!selected) {
    body = <Card variant="borderless"><EmptyState description={t("hq.rep.empty")}><Button type="primary" onClick={() => navigate("/hq/consolidation")}>{t("hq.rep.toRuns")}</Button></EmptyState></Card>;
  } else if (run.error) body = <ErrorState error={run.error} onRetry={run.reload} />;
  else if (!run.data) body = <LoadingState />;
  else {
    const r = run.data;
    body = (
      <Space orientation="vertical" size={12} style={{ width: "100%" }} data-testid="reports-run" data-run={r.run_id}>
        <Card size="small" title={t("hq.rep.validation")} extra={<Space><RunStatusTag status={r.status} /><ValidationTag status={r.validation_status} testId="report-validation" /></Space>}>
          {r.reports.includes("validation-report.json") ? <ValidationRules runId={r.run_id} /> : <EmptyState />}
        </Card>
        <Card size="small" title={t("hq.rep.datasets", { date: r.as_of })} className="table-card">
          <Table<Dataset> rowKey="name" size="small" columns={columns} dataSource={r.reports.map((name) => ({ name }))} pagination={false}
            locale={{ emptyText: <EmptyState description={t("hq.rep.noFiles")} /> }} data-testid="reports-table" />
        </Card>
      </Space>
    );
  }

  return (
    <>
      <PageHeader title={t("hq.rep.title")} subtitle={t("hq.rep.subtitle")} extra={complete.length > 0 ? picker : undefined} />
      {body}
    </>
  );
}
