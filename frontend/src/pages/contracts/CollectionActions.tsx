/** Collection actions: the quick log form (collectors, tenant admin) and a contract's log. */
import { Alert, App, Button, Card, Form, Input, Select, Timeline, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";

import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { COLLECTION_ACTION_TYPES, type CollectionAction, type CollectionActionType } from "../../contracts/types";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { AmountField, DateField, isoDate, normaliseAmount } from "./fields";
import { useSubmit } from "./useSubmit";

interface Values {
  type: CollectionActionType;
  note?: string;
  promised_on?: Dayjs | null;
  promised_amount?: string;
}

/** Log one action on `contractId`; `idPrefix` keeps field ids unique when two forms share a page. */
export function CollectionActionForm({ contractId, currency, idPrefix = "collect", onLogged }: {
  contractId: string;
  currency: string;
  idPrefix?: string;
  onLogged: (action: CollectionAction) => void;
}) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, busy, failure } = useSubmit(form);
  const type = Form.useWatch("type", form);
  const promise = type === "promise_to_pay";

  async function submit(v: Values) {
    const body = {
      type: v.type,
      note: v.note?.trim() ?? "",
      promised_on: promise ? isoDate(v.promised_on) : undefined,
      promised_amount: promise && v.promised_amount ? normaliseAmount(v.promised_amount) : undefined,
    };
    const done = await run(() =>
      api.post<CollectionAction>(`/v1/contracts/${encodeURIComponent(contractId)}/collection-actions`, body));
    if (!done) return;
    form.resetFields();
    message.success(t("svc.collect.logged"));
    onLogged(done);
  }

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ type: "call" }} onFinish={(v) => void submit(v)}
      data-testid="collection-form">
      <Form.Item name="type" label={t("svc.collect.type")} rules={[{ required: true }]}>
        <Select id={`${idPrefix}-type`} data-testid="collection-type"
          options={COLLECTION_ACTION_TYPES.map((a) => ({ value: a, label: lookup(locale, `svc.collect.type.${a}`) ?? a }))} />
      </Form.Item>
      {promise && (
        <>
          <DateField name="promised_on" id={`${idPrefix}-promised-on`} label={t("svc.collect.promisedOn")}
            requiredMessage={t("svc.collect.promisedOnRequired")} />
          <AmountField name="promised_amount" id={`${idPrefix}-promised-amount`} label={t("svc.collect.promisedAmount")} currency={currency} />
        </>
      )}
      <Form.Item name="note" label={t("svc.collect.note")}
        rules={[{ required: !promise, whitespace: true, message: t("svc.collect.noteRequired") }]}>
        <Input.TextArea id={`${idPrefix}-note`} rows={3} maxLength={2000} />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} data-testid="collection-error" style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="collection-submit">{t("svc.collect.submit")}</Button>
    </Form>
  );
}


/** The contract's collection log, with the form for those who may log. */
export function CollectionsCard({ contractId, currency, canLog }: { contractId: string; currency: string; canLog: boolean }) {
  const { t, locale } = useI18n();
  const log = useResource<{ items: CollectionAction[] }>(`/v1/contracts/${encodeURIComponent(contractId)}/collection-actions`);

  return (
    <Card variant="borderless" title={t("svc.collect.title")} data-testid="contract-collections">
      {canLog && (
        <div style={{ marginBottom: 16 }}>
          <CollectionActionForm contractId={contractId} currency={currency} onLogged={() => log.reload()} />
        </div>
      )}
      {log.error !== null ? (
        <ErrorState error={log.error} onRetry={log.reload} />
      ) : !log.data ? (
        <LoadingState />
      ) : log.data.items.length === 0 ? (
        <EmptyState description={t("svc.collect.none")} />
      ) : (
        <Timeline
          data-testid="collection-log"
          items={[...log.data.items].reverse().map((a) => ({
            key: a.id,
            content: (
              <div data-testid="collection-entry" data-type={a.type}>
                <Typography.Text strong>{lookup(locale, `svc.collect.type.${a.type}`) ?? a.type}</Typography.Text>
                <Typography.Text type="secondary"> · {a.bucket} · {t("svc.dpd", { days: a.days_past_due })}</Typography.Text>
                {a.promised_on && a.promised_amount && (
                  <div>{t("svc.collect.promise", { amount: formatMoney(a.promised_amount, currency), on: a.promised_on })}</div>
                )}
                {a.note && <div>{a.note}</div>}
                <div className="muted">{a.by} · {dayjs(a.at).format("YYYY-MM-DD HH:mm")}</div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
