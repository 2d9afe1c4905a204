/**
 * Clearing for a business date: the netting report per channel and counterparty (downloadable as
 * CSV) and the reconciliation of clearing records against the ledger and the payment provider.
 */
import { CheckCircleFilled, DownloadOutlined, ReloadOutlined, WarningFilled } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs from "dayjs";

import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";
import { nettingCsv, nettingFileName } from "../../ledger/clearing";
import { Amount } from "../../ledger/labels";
import type { Mismatch, NetPosition, NettingReport, Reconciliation } from "../../ledger/types";
import { useDateParam } from "../../system/useDateParam";

const INSTRUCTION_COLORS: Record<string, string> = { receive: "green", pay: "orange", none: "default" };

/**
 * The API answers the report as JSON (the CSV itself goes to S3, with no route to fetch it), so the
 * file is written here from the report the signed-in user fetched, with the same columns.
 */
function download(report: NettingReport, tenantId: string) {
  const blob = new Blob([nettingCsv(report.positions)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = nettingFileName(tenantId, report.business_date);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ClearingTab() {
  const { me } = useAuth();
  const { t, locale } = useI18n();
  const [date, setDate] = useDateParam("clearing");
  const report = useResource<NettingReport>(`/v1/clearing/reports?date=${date}`);
  const recon = useResource<Reconciliation>(`/v1/clearing/reconciliation?date=${date}`);

  const positionColumns: TableColumnsType<NetPosition> = [
    { title: t("clearing.col.channel"), dataIndex: "channel", width: 110 },
    { title: t("clearing.col.counterparty"), dataIndex: "counterparty", ellipsis: true },
    { title: t("clearing.col.count"), dataIndex: "count", width: 70, className: "num", responsive: ["sm"] },
    { title: t("clearing.col.grossIn"), dataIndex: "gross_in", width: 130, className: "num", responsive: ["md"], render: (v: string, p) => <Amount value={v} currency={p.currency} /> },
    { title: t("clearing.col.grossOut"), dataIndex: "gross_out", width: 130, className: "num", responsive: ["md"], render: (v: string, p) => <Amount value={v} currency={p.currency} /> },
    { title: t("clearing.col.net"), dataIndex: "net", width: 130, className: "num", render: (v: string, p) => <Amount value={v} currency={p.currency} /> },
    {
      title: t("clearing.col.instruction"),
      dataIndex: "instruction",
      width: 100,
      render: (i: string) => <Tag color={INSTRUCTION_COLORS[i]}>{lookup(locale, `clearing.instruction.${i}`) ?? i}</Tag>,
    },
  ];

  const currency = me?.tenant?.currency ?? "CNY";
  const mismatchColumns: TableColumnsType<Mismatch & { key: string }> = [
    { title: t("clearing.col.source"), dataIndex: "source", render: (s: string) => <span className="sys-code">{s}</span> },
    {
      title: t("clearing.col.reason"),
      dataIndex: "reason",
      width: 150,
      render: (r: string) => <Tag color="red" data-testid={`mismatch-reason-${r}`}>{lookup(locale, `clearing.reason.${r}`) ?? r}</Tag>,
    },
    {
      title: t("clearing.col.side"),
      dataIndex: "side",
      width: 100,
      responsive: ["md"],
      render: (s: string | undefined) => (s ? lookup(locale, `clearing.side.${s}`) ?? s : "—"),
    },
    { title: t("clearing.col.clearingAmount"), dataIndex: "clearing_amount", width: 130, className: "num", render: (v: string | null) => <Amount value={v} currency={currency} /> },
    { title: t("clearing.col.otherAmount"), dataIndex: "other_amount", width: 130, className: "num", render: (v: string | null) => <Amount value={v} currency={currency} /> },
  ];

  return (
    <div className="sys-stack">
      <div className="sys-toolbar">
        <label className="sys-toolbar-label" htmlFor="clearing-date">{t("clearing.date")}</label>
        <DatePicker id="clearing-date" value={dayjs(date)} allowClear={false} onChange={(d) => setDate(d ? d.format("YYYY-MM-DD") : null)} />
        <Button icon={<ReloadOutlined />} onClick={() => { report.reload(); recon.reload(); }} aria-label={t("sys.refresh")} />
      </div>

      <Card
        size="small"
        title={t("clearing.netting")}
        className="table-card"
        extra={
          <Button
            icon={<DownloadOutlined />}
            disabled={!report.data}
            onClick={() => report.data && download(report.data, me?.tenant_id ?? "tenant")}
            data-testid="netting-download"
          >
            {t("clearing.download")}
          </Button>
        }
      >
        {report.error !== null ? (
          <ErrorState error={report.error} onRetry={report.reload} />
        ) : report.loading || !report.data ? (
          <LoadingState />
        ) : (
          <>
            <Typography.Text type="secondary" style={{ display: "block", padding: "8px 16px" }} data-testid="netting-records">
              {t("clearing.records", { count: report.data.records })}
            </Typography.Text>
            <Table<NetPosition>
              rowKey={(p) => `${p.channel}|${p.counterparty}|${p.currency}`}
              size="small"
              columns={positionColumns}
              dataSource={report.data.positions}
              pagination={false}
              scroll={{ x: 520 }}
              locale={{ emptyText: <EmptyState description={t("clearing.nettingEmpty")} /> }}
              data-testid="netting-table"
            />
          </>
        )}
      </Card>

      <Card size="small" title={t("clearing.recon")} className="table-card">
        {recon.error !== null ? (
          <ErrorState error={recon.error} onRetry={recon.reload} />
        ) : recon.loading || !recon.data ? (
          <LoadingState />
        ) : recon.data.mismatches.length === 0 ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleFilled />}
            title={t("clearing.reconOk", { count: recon.data.records })}
            style={{ margin: 12 }}
            data-testid="recon-ok"
          />
        ) : (
          <>
            <Alert
              type="error"
              showIcon
              icon={<WarningFilled />}
              title={t("clearing.reconBad", { count: recon.data.mismatches.length })}
              style={{ margin: 12 }}
              data-testid="recon-bad"
            />
            <Table<Mismatch & { key: string }>
              rowKey="key"
              size="small"
              columns={mismatchColumns}
              dataSource={recon.data.mismatches.map((m, i) => ({ ...m, key: `${m.source}|${m.reason}|${m.side ?? ""}|${i}` }))}
              pagination={false}
              scroll={{ x: 560 }}
              data-testid="recon-table"
            />
          </>
        )}
      </Card>
    </div>
  );
}

