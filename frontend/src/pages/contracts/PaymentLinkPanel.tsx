/**
 * A payment link for the next instalment (a PaymentIntent) and, for intents that live locally, the
 * simulator: Stripe's event for the outcome, signed and sent through the real webhook endpoint.
 */
import { Alert, App, Button, Descriptions, Space, Tag, Typography } from "antd";
import { useState } from "react";

import { useAuth } from "../../auth/AuthProvider";
import { useIntentKey } from "../../contracts/intentKey";
import type { ContractDetail, PaymentIntent, ScheduledInstalment, SimulationResult } from "../../contracts/types";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { useSubmit } from "./useSubmit";

export function PaymentLinkPanel({ contract, next, onPaid }: {
  contract: ContractDetail;
  next: ScheduledInstalment | null;
  onPaid: () => void;
}) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const create = useSubmit();
  const simulate = useSubmit();
  const intentKey = useIntentKey();
  const [intent, setIntent] = useState<PaymentIntent | null>(null);
  const base = `/v1/contracts/${encodeURIComponent(contract.id)}/payment-intents`;

  async function createLink() {
    if (!next) return;
    const body = { instalment_seq: next.seq };
    const key = intentKey.keyFor(JSON.stringify({ ...body, amount: next.outstanding }));
    const made = await create.run(() => api.postWithHeaders<PaymentIntent>(base, body, { "Idempotency-Key": key }));
    if (!made) return;
    intentKey.renew();
    setIntent(made);
  }

  async function run(outcome: "succeeded" | "failed") {
    if (!intent) return;
    const result = await simulate.run(() =>
      api.post<SimulationResult>(`${base}/${encodeURIComponent(intent.id)}/simulate`, { outcome }));
    if (!result) return;
    setIntent(result.payment_intent);
    message.success(t(outcome === "succeeded" ? "svc.link.paid" : "svc.link.failed"));
    onPaid();
  }

  // a failed attempt may be tried again; a succeeded or refunded payment is over
  const settled = intent?.status === "succeeded" || intent?.status === "refunded";
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }} data-testid="payment-link-panel">
      {next ? (
        <Typography.Text>
          {t("svc.link.next", { seq: next.seq, due: next.due_on, amount: formatMoney(next.outstanding, contract.currency) })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t("svc.link.nothingDue")}</Typography.Text>
      )}
      <Button type="primary" onClick={() => void createLink()} loading={create.busy} disabled={!next} data-testid="payment-link-create">
        {t("svc.link.create")}
      </Button>
      {create.failure && <Alert type="error" showIcon title={create.failure} data-testid="payment-link-error" />}
      {intent && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            data-testid="payment-intent"
            items={[
              { key: "id", label: t("svc.link.intent"), children: <Typography.Text className="code-text" copyable>{intent.id}</Typography.Text> },
              { key: "amount", label: t("svc.form.amount"), children: <span className="num">{formatMoney(intent.amount, intent.currency)}</span> },
              { key: "seq", label: t("svc.link.instalment"), children: intent.instalment_seq ?? "—" },
              { key: "status", label: t("contract.status"), children: (
                <Tag data-testid="payment-intent-status" data-status={intent.status} color={intent.status === "succeeded" ? "success" : intent.status === "failed" ? "error" : "processing"}>
                  {lookup(locale, `svc.intent.${intent.status}`) ?? intent.status}
                </Tag>
              ) },
              { key: "mode", label: t("svc.link.mode"), children: lookup(locale, `svc.link.mode.${intent.mode}`) ?? intent.mode },
            ]}
          />
          {intent.mode === "local" && !settled && (
            <Space wrap>
              <Button type="primary" onClick={() => void run("succeeded")} loading={simulate.busy} data-testid="simulate-succeeded">
                {t("svc.link.simulatePay")}
              </Button>
              <Button onClick={() => void run("failed")} disabled={simulate.busy} data-testid="simulate-failed">
                {t("svc.link.simulateFail")}
              </Button>
            </Space>
          )}
          {intent.mode === "local" && <Typography.Text type="secondary">{t("svc.link.localHint")}</Typography.Text>}
          {simulate.failure && <Alert type="error" showIcon title={simulate.failure} data-testid="simulate-error" />}
        </>
      )}
    </Space>
  );
}
