/** Prepayment: a quote for a date, amount and strategy (anyone), then prepaying as quoted (finance). */
import { Alert, App, Button, Descriptions, Form, Popconfirm, Radio, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";

import type { Installment } from "../../api/types";
import { useAuth } from "../../auth/AuthProvider";
import { ScheduleTable } from "../../calculator/ScheduleTable";
import { useIntentKey } from "../../contracts/intentKey";
import type { ContractDetail, PrepaymentQuote, PrepaymentStrategy, Repayment } from "../../contracts/types";
import { useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { AmountField, DateField, isoDate, normaliseAmount } from "./fields";
import { useSubmit } from "./useSubmit";

interface Values {
  date?: Dayjs | null;
  amount?: string;
  strategy: PrepaymentStrategy;
}

interface Asked {
  date?: string;
  amount?: string;
  strategy: PrepaymentStrategy;
}

export function PrepaymentPanel({ contract, canPrepay, onDone }: {
  contract: ContractDetail;
  canPrepay: boolean;
  onDone: () => void;
}) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const quoting = useSubmit(form);
  const paying = useSubmit();
  const intent = useIntentKey();
  const [quote, setQuote] = useState<{ asked: Asked; quote: PrepaymentQuote } | null>(null);
  const base = `/v1/contracts/${encodeURIComponent(contract.id)}`;

  async function ask(v: Values) {
    const amount = normaliseAmount(v.amount ?? "");
    const asked: Asked = { date: isoDate(v.date), amount: amount || undefined, strategy: v.strategy };
    const q = await quoting.run(() => api.post<PrepaymentQuote>(`${base}/prepayment-quote`, asked));
    setQuote(q ? { asked, quote: q } : null);
  }

  async function prepay() {
    if (!quote) return;
    // pay what was quoted, on the quote's date
    const body = { ...quote.asked, date: quote.quote.date };
    const key = intent.keyFor(JSON.stringify(body));
    const done = await paying.run(() => api.postWithHeaders<Repayment>(`${base}/prepayments`, body, { "Idempotency-Key": key }));
    if (!done) return;
    intent.renew();
    setQuote(null);
    form.resetFields();
    message.success(t("svc.prepay.done", { amount: formatMoney(done.amount, done.currency) }));
    onDone();
  }

  const q = quote?.quote;
  const money = (v: string) => formatMoney(v, contract.currency);
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ strategy: "keep_term" }}
        onFinish={(v) => void ask(v)}
        onValuesChange={() => setQuote(null)}
        data-testid="prepayment-form"
      >
        <DateField name="date" id="prepayment-date" label={t("svc.prepay.date")} extra={t("svc.form.dateDefault")} />
        <AmountField name="amount" id="prepayment-amount" label={t("svc.prepay.amount")} currency={contract.currency}
          required={false} extra={t("svc.prepay.amountHint")} />
        <Form.Item name="strategy" label={t("svc.prepay.strategy")}>
          <Radio.Group
            options={(["keep_term", "keep_installment"] as const).map((s) => ({ value: s, label: t(`svc.prepay.strategy.${s}`) }))}
          />
        </Form.Item>
        {quoting.failure && <Alert type="error" showIcon title={quoting.failure} data-testid="prepayment-error" style={{ marginBottom: 12 }} />}
        <Button htmlType="submit" loading={quoting.busy} data-testid="prepayment-quote">{t("svc.prepay.quote")}</Button>
      </Form>
      {q && (
        <div data-testid="prepayment-quote-result">
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: "date", label: t("svc.prepay.date"), children: q.date },
              { key: "kind", label: t("svc.prepay.kind"), children: q.full ? t("svc.prepay.full") : t(`svc.prepay.strategy.${q.strategy as PrepaymentStrategy}`) },
              { key: "op", label: t("contract.outstandingPrincipal"), children: <span className="num">{money(q.outstanding_principal)}</span> },
              { key: "pp", label: t("svc.prepay.principal"), children: <span className="num">{money(q.prepaid_principal)}</span> },
              { key: "ai", label: t("svc.prepay.accrued"), children: <span className="num">{money(q.accrued_interest)}</span> },
              { key: "pen", label: t("svc.prepay.penalty"), children: <span className="num">{money(q.penalty)}</span> },
              { key: "total", label: <Typography.Text strong>{t("svc.prepay.total")}</Typography.Text>, children: (
                <Typography.Text strong className="num" data-testid="prepayment-total">{money(q.total_due)}</Typography.Text>
              ) },
              { key: "saved", label: t("svc.prepay.saved"), children: <span className="num">{money(q.interest_saved)}</span> },
            ]}
          />
          {q.installments.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">{t("svc.prepay.remaining")}</Typography.Text>
              <ScheduleTable rows={q.installments as Installment[]} currency={contract.currency} />
            </div>
          )}
          {canPrepay && (
            <Popconfirm
              title={t("svc.prepay.confirm", { amount: money(q.total_due) })}
              onConfirm={() => void prepay()}
              okButtonProps={{ "data-testid": "prepayment-submit-confirm" } as Record<`data-${string}`, string>}
            >
              <Button type="primary" style={{ marginTop: 12 }} loading={paying.busy} data-testid="prepayment-submit">
                {t("svc.prepay.submit")}
              </Button>
            </Popconfirm>
          )}
          {paying.failure && <Alert type="error" showIcon title={paying.failure} data-testid="prepayment-pay-error" style={{ marginTop: 12 }} />}
        </div>
      )}
    </Space>
  );
}
