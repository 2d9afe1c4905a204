/**
 * What came in on the contract: repayments (read from its history; finance may ask to reverse one,
 * with a reason — another user approves it) and payment intents (payment links, Stripe or local) with their state.
 */
import { Alert, App, Button, Card, Form, Input, Modal, Table, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";

import type { Resource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { repaymentsFromHistory, type ReceivedRepayment } from "../../contracts/schedule";
import { useIntentKey } from "../../contracts/intentKey";
import type { ApprovalRequest, ContractDetail, ContractPayments, PaymentIntent } from "../../contracts/types";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { useSubmit } from "./useSubmit";
import { requestedMessage } from "./WriteOffCard";

const when = (v: string | null | undefined) => (v ? dayjs(v).format("YYYY-MM-DD HH:mm") : "—");

export function PaymentsCard({ contract, payments, canReverse, onReversed }: {
  contract: ContractDetail;
  payments: Resource<ContractPayments> | null;
  canReverse: boolean;
  onReversed: () => void;
}) {
  const { t, locale } = useI18n();
  const [reversing, setReversing] = useState<ReceivedRepayment | null>(null);
  const repayments = repaymentsFromHistory(contract.history);
  const money = (v: string) => formatMoney(v, contract.currency);

  const repaymentTable = (
    <Table<ReceivedRepayment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={repayments}
      scroll={{ x: 640 }}
      data-testid="repayments-table"
      locale={{ emptyText: <EmptyState description={t("svc.payments.noRepayments")} /> }}
      onRow={(r) => ({ "data-id": r.id, "data-channel": r.channel }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t("svc.form.receivedOn"), dataIndex: "received_on", width: 110, className: "num" },
        { title: t("svc.form.amount"), dataIndex: "amount", align: "right", className: "num", render: (v: string) => money(v) },
        { title: t("svc.form.channel"), dataIndex: "channel", width: 110, render: (v: string) => lookup(locale, `svc.channel.${v}`) ?? v },
        { title: t("svc.payments.by"), dataIndex: "actor", responsive: ["lg"], ellipsis: true },
        {
          title: t("contract.status"), key: "status", width: 120,
          render: (_, r) => r.reversed
            ? <Tag color="default" title={r.reason ?? undefined} data-testid="repayment-reversed">{t("svc.payments.reversed")}</Tag>
            : <Tag color="success">{t("svc.payments.posted")}</Tag>,
        },
        ...(canReverse
          ? [{
              title: "", key: "actions", width: 90,
              render: (_: unknown, r: ReceivedRepayment) => !r.reversed && r.channel !== "prepayment" && (
                <Button size="small" danger onClick={() => setReversing(r)} data-testid={`reverse-${r.id}`}>
                  {t("svc.payments.reverse")}
                </Button>
              ),
            }]
          : []),
      ]}
    />
  );

  const intents = payments && (
    payments.error !== null ? <ErrorState error={payments.error} onRetry={payments.reload} />
      : !payments.data ? <LoadingState />
        : (
          <Table<PaymentIntent>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...payments.data.intents].sort((a, b) => b.created_at.localeCompare(a.created_at))}
            scroll={{ x: 640 }}
            data-testid="payments-table"
            locale={{ emptyText: <EmptyState description={t("svc.payments.noIntents")} /> }}
            onRow={(r) => ({ "data-id": r.id, "data-status": r.status }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t("svc.payments.created"), dataIndex: "created_at", width: 140, render: (v: string) => when(v) },
              { title: t("svc.link.instalment"), dataIndex: "instalment_seq", width: 70, align: "center", render: (v: number | null) => v ?? "—" },
              { title: t("svc.form.amount"), dataIndex: "amount", align: "right", className: "num", render: (v: string, r) => formatMoney(v, r.currency) },
              {
                title: t("contract.status"), dataIndex: "status", width: 110,
                render: (v: string) => (
                  <Tag color={v === "succeeded" ? "success" : v === "failed" ? "error" : v === "refunded" ? "default" : "processing"}
                    data-testid="intent-status">
                    {lookup(locale, `svc.intent.${v}`) ?? v}
                  </Tag>
                ),
              },
              { title: t("svc.link.intent"), dataIndex: "id", responsive: ["lg"], render: (v: string) => <Typography.Text className="code-text">{v}</Typography.Text> },
            ]}
          />
        )
  );

  return (
    <Card variant="borderless" title={t("svc.payments.title")} className="table-card" data-testid="contract-payments">
      <Tabs
        style={{ padding: "0 16px" }}
        items={[
          { key: "repayments", label: <span data-testid="tab-repayments">{t("svc.payments.repayments")} ({repayments.length})</span>, children: repaymentTable },
          ...(intents ? [{ key: "intents", label: <span data-testid="tab-intents">{t("svc.payments.intents")}</span>, children: intents }] : []),
        ]}
      />
      <ReverseModal contractId={contract.id} repayment={reversing} currency={contract.currency}
        onClose={() => setReversing(null)} onDone={() => { setReversing(null); onReversed(); }} />
    </Card>
  );
}

function ReverseModal({ repayment, currency, onClose, onDone }: {
  contractId: string;
  repayment: ReceivedRepayment | null;
  currency: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { run, busy, failure, setFailure } = useSubmit(form);
  const intent = useIntentKey();

  async function submit(v: { reason: string }) {
    if (!repayment) return;
    const body = { reason: v.reason.trim() };
    const key = intent.keyFor(JSON.stringify({ repayment: repayment.id, ...body }));
    const done = await run(() => api.postWithHeaders<ApprovalRequest>(
      `/v1/repayments/${encodeURIComponent(repayment.id)}/reverse`, body, { "Idempotency-Key": key }));
    if (!done) return;
    intent.renew();
    form.resetFields();
    message.success(t(requestedMessage(done)));
    onDone();
  }

  return (
    <Modal
      open={repayment !== null}
      title={repayment ? t("svc.payments.reverseTitle", { amount: formatMoney(repayment.amount, currency), on: repayment.received_on }) : ""}
      onCancel={() => { setFailure(null); form.resetFields(); onClose(); }}
      okText={t("svc.payments.reverse")}
      okButtonProps={{ danger: true, loading: busy, ...({ "data-testid": "reverse-submit" } as Record<`data-${string}`, string>) }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="reverse-form">
        <Form.Item name="reason" label={t("svc.payments.reason")}
          rules={[{ required: true, whitespace: true, message: t("svc.payments.reasonRequired") }]}>
          <Input.TextArea id="reverse-reason" rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} data-testid="reverse-error" />}
    </Modal>
  );
}
