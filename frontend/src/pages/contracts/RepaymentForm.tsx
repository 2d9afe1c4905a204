/** Finance records a repayment received through the API channel: allocated by the product's waterfall.
 * Offline money (a bank transfer, cash) goes through the offline tab: its voucher and a second finance
 * user's confirmation; the API refuses it here (422 servicing.channel.invalid). */
import { Alert, App, Button, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";

import { useAuth } from "../../auth/AuthProvider";
import { useIntentKey } from "../../contracts/intentKey";
import type { ContractDetail, Repayment } from "../../contracts/types";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { AmountField, DateField, isoDate, normaliseAmount, optional } from "./fields";
import { useSubmit } from "./useSubmit";

interface Values {
  amount: string;
  received_on?: Dayjs | null;
  reference?: string;
}

export function RepaymentForm({ contract, suggested, onDone }: {
  contract: ContractDetail;
  suggested: string | null;
  onDone: () => void;
}) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, busy, failure } = useSubmit(form);
  const intent = useIntentKey();
  const [last, setLast] = useState<Repayment | null>(null);

  // Suggest what the next instalment owes, unless the user has typed an amount.
  useEffect(() => {
    if (!form.isFieldTouched("amount")) form.setFieldsValue({ amount: suggested ?? "" });
  }, [form, suggested]);

  async function submit(v: Values) {
    const body = {
      amount: normaliseAmount(v.amount),
      received_on: isoDate(v.received_on),
      reference: optional(v.reference),
      channel: "api",
    };
    const key = intent.keyFor(JSON.stringify(body));
    const done = await run(() =>
      api.postWithHeaders<Repayment>(`/v1/contracts/${encodeURIComponent(contract.id)}/repayments`, body, { "Idempotency-Key": key }),
    );
    if (!done) return;
    intent.renew();
    setLast(done);
    form.resetFields();
    message.success(t("svc.repay.done"));
    onDone();
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ amount: suggested ?? "" }}
      onFinish={(v) => void submit(v)}
      data-testid="repayment-form"
    >
      <Alert type="info" showIcon title={t("svc.repay.offlineHint")} style={{ marginBottom: 12 }} data-testid="repayment-offline-hint" />
      <AmountField name="amount" id="repayment-amount" label={t("svc.form.amount")} currency={contract.currency}
        extra={suggested ? t("svc.repay.suggested", { amount: formatMoney(suggested, contract.currency) }) : undefined} />
      <DateField name="received_on" id="repayment-received-on" label={t("svc.form.receivedOn")} extra={t("svc.form.dateDefault")} />
      <Form.Item name="reference" label={t("svc.form.reference")}>
        <Input id="repayment-reference" maxLength={200} autoComplete="off" />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} data-testid="repayment-error" style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="repayment-submit">
        {t("svc.repay.submit")}
      </Button>
      {last && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="repayment-result"
          title={t("svc.repay.result", { amount: formatMoney(last.amount, last.currency) })}
          description={
            [
              ...Object.entries(last.totals).map(([part, amount]) =>
                `${lookup(locale, `svc.part.${part}`) ?? part} ${formatMoney(amount, last.currency)}`),
              ...(last.overpayment !== "0.00" && last.overpayment !== "0"
                ? [`${t("svc.part.overpayment")} ${formatMoney(last.overpayment, last.currency)}`] : []),
            ].join(" · ")
          }
        />
      )}
    </Form>
  );
}
