/**
 * A debtor's invoices (the core enterprise whose receivables a seller has factored): each one is
 * confirmed — or disputed, with a reason — once, here, by the debtor's own user.
 */
import { CheckOutlined, ExclamationCircleOutlined, ReloadOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";

import { errorMessage } from "../api/errors";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthProvider";
import { PageHeader } from "../components/PageHeader";
import { EmptyState, ErrorState } from "../components/States";
import { useI18n } from "../i18n";
import { confirmationBody, type ConfirmationState, type DebtorInvoice, type Decision } from "../invoices/types";
import { formatMoney } from "../money/decimal";

const STATE_COLOR: Record<ConfirmationState, string> = { pending: "processing", confirmed: "success", disputed: "error" };

export function InvoicesPage() {
  const { t } = useI18n();
  const list = useResource<{ items: DebtorInvoice[] }>("/v1/debtor/invoices");
  const [show, setShow] = useState<"pending" | "all">("pending");
  const [acting, setActing] = useState<{ row: DebtorInvoice; decision: Decision } | null>(null);

  const items = list.data?.items ?? [];
  const rows = show === "pending" ? items.filter((i) => i.invoice.confirmation.state === "pending") : items;

  const columns: TableColumnsType<DebtorInvoice> = [
    {
      title: t("inv.col.number"),
      key: "number",
      render: (_, r) => (
        <div className="product-cell">
          <Typography.Text strong className="code-text">{r.invoice.number}</Typography.Text>
          <Typography.Text type="secondary" className="code-text">{r.application_id}</Typography.Text>
        </div>
      ),
    },
    {
      title: t("inv.col.amount"),
      key: "amount",
      align: "right",
      className: "num",
      render: (_, r) => formatMoney(r.invoice.face_amount, "CNY"),
    },
    { title: t("inv.col.issued"), key: "issued", width: 120, className: "num", responsive: ["md"], render: (_, r) => r.invoice.issue_date },
    { title: t("inv.col.due"), key: "due", width: 120, className: "num", render: (_, r) => r.invoice.due_date },
    {
      title: t("inv.col.state"),
      key: "state",
      width: 110,
      render: (_, r) => (
        <Tag color={STATE_COLOR[r.invoice.confirmation.state]} data-testid={`invoice-state-${r.invoice.id}`}>
          {t(`inv.state.${r.invoice.confirmation.state}`)}
        </Tag>
      ),
    },
    {
      title: t("inv.col.note"),
      key: "note",
      responsive: ["lg"],
      render: (_, r) => r.invoice.confirmation.note ?? "—",
    },
    {
      title: t("inv.col.actions"),
      key: "actions",
      width: 190,
      render: (_, r) =>
        r.invoice.confirmation.state === "pending" ? (
          <Space size={4} wrap>
            <Button size="small" type="primary" icon={<CheckOutlined />} data-testid={`invoice-confirm-${r.invoice.id}`}
                    onClick={() => setActing({ row: r, decision: "confirm" })}>
              {t("inv.confirm")}
            </Button>
            <Button size="small" danger icon={<ExclamationCircleOutlined />} data-testid={`invoice-dispute-${r.invoice.id}`}
                    onClick={() => setActing({ row: r, decision: "dispute" })}>
              {t("inv.dispute")}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("inv.title")}
        subtitle={t("inv.subtitle")}
        extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />}
      />
      <Card variant="borderless" className="table-card">
        <Segmented
          value={show}
          onChange={(v) => setShow(v as "pending" | "all")}
          options={[
            { value: "pending", label: t("inv.filter.pending") },
            { value: "all", label: t("inv.filter.all") },
          ]}
          style={{ marginBottom: 12 }}
          data-testid="invoice-filter"
        />
        {list.error !== null ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table
            rowKey={(r) => r.invoice.id}
            size="small"
            loading={list.loading}
            dataSource={rows}
            columns={columns}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 720 }}
            data-testid="invoice-table"
            locale={{ emptyText: <EmptyState description={t(show === "pending" ? "inv.emptyPending" : "inv.empty")} /> }}
          />
        )}
      </Card>
      {acting && (
        <ConfirmDialog
          row={acting.row}
          decision={acting.decision}
          onClose={(changed) => {
            setActing(null);
            if (changed) list.reload();
          }}
        />
      )}
    </>
  );
}

function ConfirmDialog({ row, decision, onClose }: { row: DebtorInvoice; decision: Decision; onClose: (changed: boolean) => void }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit({ note }: { note?: string }) {
    const body = confirmationBody(decision, note ?? "");
    if (body === null) return; // the form's own rule has said why
    setBusy(true);
    setFailure(null);
    try {
      const path = `/v1/applications/${encodeURIComponent(row.application_id)}/invoices/${encodeURIComponent(row.invoice.id)}/confirm`;
      await api.post(path, body);
      message.success(t(decision === "confirm" ? "inv.confirmed" : "inv.disputed"));
      onClose(true);
    } catch (error) {
      setFailure(errorMessage(error, locale));
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t(decision === "confirm" ? "inv.confirmTitle" : "inv.disputeTitle", { number: row.invoice.number })}
      okText={t(decision === "confirm" ? "inv.confirm" : "inv.dispute")}
      okButtonProps={{
        danger: decision === "dispute",
        loading: busy,
        ...({ "data-testid": "invoice-dialog-ok" } as Record<`data-${string}`, string>),
      }}
      cancelText={t("inv.cancel")}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("inv.dialogHint", { amount: formatMoney(row.invoice.face_amount, "CNY"), due: row.invoice.due_date })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={decision === "dispute"}>
        <Form.Item
          name="note"
          label={t(decision === "dispute" ? "inv.reason" : "inv.note")}
          rules={decision === "dispute" ? [{ required: true, whitespace: true, message: t("inv.reasonRequired") }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="invoice-note" />
        </Form.Item>
      </Form>
      {failure && <Typography.Text type="danger" data-testid="invoice-error">{failure}</Typography.Text>}
    </Modal>
  );
}
