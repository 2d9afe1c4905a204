/** Consolidation runs, newest first, and the form that starts one. */
import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router";

import { useCursorPages } from "../../api/useCursorPages";
import { CursorTable } from "../../components/CursorTable";
import { PageHeader } from "../../components/PageHeader";
import { useI18n } from "../../i18n";
import { formatInstant } from "../../products/format";
import { money, RunStatusTag, ValidationTag } from "../../hq/labels";
import { StartRun } from "../../hq/StartRun";
import type { Run } from "../../hq/types";

export function RunsPage() {
  const { t } = useI18n();
  const list = useCursorPages<Run>("/v1/group/consolidations?limit=20");

  const columns: TableColumnsType<Run> = [
    {
      title: t("hq.col.asOf"), dataIndex: "as_of", width: 120,
      render: (d: string, r) => <Link to={`/hq/consolidation/${encodeURIComponent(r.run_id)}`} data-testid={`run-link-${r.run_id}`}>{d}</Link>,
    },
    { title: t("hq.col.status"), dataIndex: "status", width: 110, render: (s: string, r) => <RunStatusTag status={s} testId={`run-status-${r.run_id}`} /> },
    { title: t("hq.col.run"), dataIndex: "run_id", responsive: ["lg"], render: (id: string) => <Typography.Text code className="code-text">{id}</Typography.Text> },
    { title: t("hq.col.trigger"), dataIndex: "trigger", width: 100, responsive: ["md"], render: (v: string) => t(v === "api" ? "hq.trigger.api" : "hq.trigger.schedule") },
    { title: t("hq.col.requestedBy"), dataIndex: "requested_by", responsive: ["xl"], render: (v?: string | null) => v ?? "—" },
    { title: t("hq.dash.exposure"), key: "exposure", className: "num", responsive: ["md"], render: (_, r) => (r.headline ? money(r.headline.exposure) : "—") },
    { title: t("hq.col.validation"), dataIndex: "validation_status", width: 120, responsive: ["lg"], render: (v?: string) => <ValidationTag status={v} /> },
    { title: t("hq.col.finished"), dataIndex: "finished_at", width: 160, responsive: ["xl"], className: "num", render: (v?: string) => (v ? formatInstant(v) : "—") },
  ];

  return (
    <>
      <PageHeader
        title={t("hq.runs.title")}
        subtitle={t("hq.runs.subtitle")}
        extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />}
      />
      <Card size="small" title={t("hq.start.title")} className="hq-section-card">
        <StartRun />
      </Card>
      <Card variant="borderless" className="table-card">
        <CursorTable<Run>
          list={list}
          empty={t("hq.runs.empty")}
          rowKey="run_id"
          size="small"
          columns={columns}
          data-testid="runs-table"
          scroll={{ x: 640 }}
        />
      </Card>
    </>
  );
}
