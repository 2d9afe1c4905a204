/** HQ's early warnings, filtered by status and kind; an open one is acknowledged with a note. */
import { CheckOutlined, ReloadOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Timeline, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";

import { errorMessage } from "../../api/errors";
import { useCursorPages } from "../../api/useCursorPages";
import { useAuth } from "../../auth/AuthProvider";
import { CursorTable } from "../../components/CursorTable";
import { PageHeader } from "../../components/PageHeader";
import { lookup, useI18n } from "../../i18n";
import { isDecimalString } from "../../money/decimal";
import { formatInstant } from "../../products/format";
import { known, money, percent, SeverityTag, WarningStatusTag } from "../../hq/labels";
import type { GroupWarning } from "../../hq/types";

const STATUSES = ["open", "acknowledged", "resolved"] as const;
const KINDS = ["cross_subsidiary_overdue", "single_customer_limit", "group_customer_limit", "industry_limit", "subsidiary_limit",
  "related_party_limit", "unconsolidated_currency", "extract_missing"] as const;

function figureText(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "string" && isDecimalString(value)) return key === "utilisation" ? percent(value) : money(value);
  return String(value);
}

export function WarningsPage() {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const kind = params.get("kind") ?? "";
  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (kind) query.set("kind", kind);
  const qs = query.toString();
  const list = useCursorPages<GroupWarning>(`/v1/group/warnings${qs ? `?${qs}` : ""}`);
  const [acking, setAcking] = useState<GroupWarning | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ note: string }>();

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const acknowledge = async ({ note }: { note: string }) => {
    if (!acking) return;
    setSaving(true);
    try {
      await api.post(`/v1/group/warnings/${encodeURIComponent(acking.warning_id)}/acknowledge`, { note: note.trim() });
      message.success(t("hq.warn.acknowledged"));
      setAcking(null);
      form.resetFields();
      list.reload();
    } catch (e) {
      form.setFields([{ name: "note", errors: [errorMessage(e, locale)] }]);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<GroupWarning> = [
    { title: t("hq.col.severity"), dataIndex: "severity", width: 100, render: (s: string) => <SeverityTag severity={s} /> },
    { title: t("hq.col.kind"), dataIndex: "kind", width: 150, responsive: ["md"], render: (k: string) => known(locale, "hq.warnKind", k) },
    {
      title: t("hq.col.subject"), key: "subject",
      render: (_, w) => (
        <div>
          <div>{w.label}</div>
          <Typography.Text type="secondary" className="hq-small">{w.message}</Typography.Text>
        </div>
      ),
    },
    { title: t("hq.col.lastRaised"), dataIndex: "last_raised_at", width: 150, responsive: ["lg"], className: "num", render: (v: string) => formatInstant(v) },
    { title: t("hq.col.status"), dataIndex: "status", width: 100, render: (s: string, w) => <WarningStatusTag status={s} testId={`warning-status-${w.warning_id}`} /> },
    {
      title: t("hq.col.actions"), key: "actions", width: 110,
      render: (_, w) => w.status === "open" && (
        <Button size="small" icon={<CheckOutlined />} onClick={() => setAcking(w)} data-testid={`warning-ack-${w.warning_id}`}>
          {t("hq.warn.ack")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t("hq.warn.title")} subtitle={t("hq.warn.subtitle")}
        extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />} />
      <Card variant="borderless" className="table-card list-card">
        <div className="list-toolbar list-toolbar-padded">
          <Space wrap>
            <Select
              allowClear
              placeholder={t("hq.warn.allStatuses")}
              value={status || undefined}
              onChange={(v) => setFilter("status", v)}
              options={STATUSES.map((s) => ({ value: s, label: lookup(locale, `hq.warningStatus.${s}`) ?? s }))}
              style={{ minWidth: 140 }}
              aria-label={t("hq.col.status")}
              data-testid="warning-status-filter"
            />
            <Select
              allowClear
              placeholder={t("hq.warn.allKinds")}
              value={kind || undefined}
              onChange={(v) => setFilter("kind", v)}
              options={KINDS.map((k) => ({ value: k, label: known(locale, "hq.warnKind", k) }))}
              style={{ minWidth: 180 }}
              aria-label={t("hq.col.kind")}
              data-testid="warning-kind-filter"
            />
          </Space>
        </div>
        <CursorTable<GroupWarning>
          list={list}
          empty={t(status || kind ? "hq.warn.emptyFiltered" : "hq.warn.empty")}
          rowKey="warning_id"
          size="small"
          columns={columns}
          data-testid="warnings-table"
          scroll={{ x: 560 }}
          expandable={{
            expandedRowRender: (w) => (
              <div className="hq-warning-detail">
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  {Object.entries(w.figures).map(([k, v]) => (
                    <Descriptions.Item key={k} label={known(locale, "hq.figure", k)}>{figureText(k, v)}</Descriptions.Item>
                  ))}
                  <Descriptions.Item label={t("hq.col.firstRaised")}>{formatInstant(w.first_raised_at)}</Descriptions.Item>
                </Descriptions>
                {w.acknowledged && (
                  <Typography.Paragraph data-testid={`warning-note-${w.warning_id}`}>
                    {t("hq.warn.ackBy", { by: w.acknowledged.by, at: formatInstant(w.acknowledged.at) })}：{w.acknowledged.note}
                  </Typography.Paragraph>
                )}
                {w.history.length > 0 && (
                  <Timeline items={w.history.map((h) => ({ content: `${formatInstant(h.at)} · ${known(locale, "hq.warnEvent", h.event)}` }))} />
                )}
              </div>
            ),
          }}
        />
      </Card>
      <Modal
        open={acking !== null}
        title={t("hq.warn.ackTitle")}
        onCancel={() => { setAcking(null); form.resetFields(); }}
        onOk={() => form.submit()}
        okText={t("hq.warn.ackConfirm")}
        cancelText={t("hq.cancel")}
        confirmLoading={saving}
        okButtonProps={{ "data-testid": "warning-ack-submit" } as Record<string, string>}
        forceRender
      >
        {acking && <Typography.Paragraph>{acking.label} — {acking.message}</Typography.Paragraph>}
        <Form form={form} layout="vertical" onFinish={acknowledge}>
          <Form.Item
            name="note"
            label={t("hq.warn.note")}
            rules={[
              { required: true, whitespace: true, message: t("hq.v.required") },
              { min: 2, max: 2000, message: t("hq.warn.noteLength") },
            ]}
          >
            <Input.TextArea rows={3} autoFocus data-testid="warning-note" placeholder={t("hq.warn.notePlaceholder")} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
