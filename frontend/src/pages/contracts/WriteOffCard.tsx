/** Write-off (tenant admin, with a reason) and recoveries after it (finance): each is a request that
 * runs once another user approves it (ApprovalRequestsCard), or at once below the tenant's limit. */
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";

import { useAuth } from "../../auth/AuthProvider";
import { useIntentKey } from "../../contracts/intentKey";
import type { ApprovalRequest, ContractDetail } from "../../contracts/types";
import { useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { AmountField, DateField, isoDate, normaliseAmount, optional } from "./fields";
import { useSubmit } from "./useSubmit";

export function WriteOffCard({ contract, canWriteOff, canRecover, onDone }: {
  contract: ContractDetail;
  canWriteOff: boolean;
  canRecover: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  if (!canWriteOff && !canRecover) return null;
  return (
    <Card variant="borderless" title={t(canRecover ? "svc.recovery.title" : "svc.writeOff.title")} data-testid="contract-write-off">
      {canWriteOff && <WriteOffForm contract={contract} onDone={onDone} />}
      {canRecover && <RecoveryForm contract={contract} onDone={onDone} />}
    </Card>
  );
}

/** What the user hears once a request is made: waiting for a second person, or done at once. */
export function requestedMessage(r: ApprovalRequest): "svc.approvals.submitted" | "svc.approvals.doneAlone" {
  return r.status === "pending" ? "svc.approvals.submitted" : "svc.approvals.doneAlone";
}

function WriteOffForm({ contract, onDone }: { contract: ContractDetail; onDone: () => void }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { run, busy, failure } = useSubmit(form);
  const intent = useIntentKey();

  async function submit() {
    const { reason } = await form.validateFields();
    const body = { reason: reason.trim() };
    const key = intent.keyFor(JSON.stringify(body));
    const done = await run(() => api.postWithHeaders<ApprovalRequest>(
      `/v1/contracts/${encodeURIComponent(contract.id)}/write-off`, body, { "Idempotency-Key": key }));
    if (done === undefined) return;
    intent.renew();
    form.resetFields();
    message.success(t(requestedMessage(done)));
    onDone();
  }

  return (
    <Form form={form} layout="vertical" data-testid="write-off-form" onFinish={() => undefined}>
      <Typography.Paragraph type="secondary">
        {t("svc.writeOff.hint", { amount: formatMoney(contract.outstanding, contract.currency) })}
      </Typography.Paragraph>
      <Form.Item name="reason" label={t("svc.writeOff.reason")}
        rules={[{ required: true, whitespace: true, message: t("svc.writeOff.reasonRequired") }]}>
        <Input.TextArea id="write-off-reason" rows={2} maxLength={500} />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="write-off-error" />}
      <Popconfirm title={t("svc.writeOff.confirm")} onConfirm={() => void submit().catch(() => undefined)}
        okButtonProps={{ danger: true, ...({ "data-testid": "write-off-confirm" } as Record<`data-${string}`, string>) }}>
        <Button danger loading={busy} data-testid="write-off-submit">{t("svc.writeOff.submit")}</Button>
      </Popconfirm>
    </Form>
  );
}

interface RecoveryValues {
  amount: string;
  received_on?: Dayjs | null;
  reference?: string;
}

function RecoveryForm({ contract, onDone }: { contract: ContractDetail; onDone: () => void }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecoveryValues>();
  const { run, busy, failure } = useSubmit(form);
  const intent = useIntentKey();

  async function submit(v: RecoveryValues) {
    const body = { amount: normaliseAmount(v.amount), received_on: isoDate(v.received_on), reference: optional(v.reference) };
    const key = intent.keyFor(JSON.stringify(body));
    const done = await run(() => api.postWithHeaders<ApprovalRequest>(
      `/v1/contracts/${encodeURIComponent(contract.id)}/recoveries`, body, { "Idempotency-Key": key }));
    if (done === undefined) return;
    intent.renew();
    form.resetFields();
    message.success(t(requestedMessage(done)));
    onDone();
  }

  return (
    <Form<RecoveryValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="recovery-form">
      <Space orientation="vertical" size={0} style={{ width: "100%" }}>
        <AmountField name="amount" id="recovery-amount" label={t("svc.form.amount")} currency={contract.currency} />
        <DateField name="received_on" id="recovery-received-on" label={t("svc.form.receivedOn")} extra={t("svc.form.dateDefault")} />
        <Form.Item name="reference" label={t("svc.form.reference")}>
          <Input id="recovery-reference" maxLength={200} autoComplete="off" />
        </Form.Item>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="recovery-error" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="recovery-submit">{t("svc.recovery.submit")}</Button>
    </Form>
  );
}
