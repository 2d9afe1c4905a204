/** A finance user proposes a manual journal entry; it is checked here (balanced, amounts valid) before it is sent. */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, AutoComplete, Button, Card, DatePicker, Form, Input, Select, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router";

import { ApiError, errorMessage } from "../../api/errors";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { showFieldErrors } from "../../forms/serverErrors";
import { localizedName, useI18n, type MessageKey } from "../../i18n";
import { amountProblem, draftProblems, draftTotals, proposalBody, type DraftLine } from "../../ledger/journal";
import type { Account, JournalProposal } from "../../ledger/types";
import { formatAmount } from "../../money/decimal";
import { newIdempotencyKey } from "../../api/idempotency";
import { BackButton } from "./AccountPage";

interface Values {
  booked_on?: Dayjs | null;
  memo: string;
  lines: DraftLine[];
}

export function ProposalNewPage() {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const currency = me?.tenant?.currency ?? "CNY";
  const lines = (Form.useWatch("lines", form) ?? []) as DraftLine[];
  const totals = draftTotals(lines, currency);

  const accounts = useResource<{ items: Account[] }>("/v1/ledger/accounts?level=gl&limit=200");
  const options = useMemo(
    () =>
      (accounts.data?.items ?? []).map((a) => ({
        value: a.id,
        label: `${a.id} · ${localizedName(a.name, locale)}`,
      })),
    [accounts.data, locale],
  );

  async function submit(values: Values) {
    setFailure(null);
    const problems = draftProblems(values.lines ?? [], currency);
    if (problems.length > 0) {
      setFailure(problems.map((p) => t(`ledger.draft.${p}` as MessageKey)).join("；"));
      return;
    }
    setBusy(true);
    try {
      const body = proposalBody(values.memo, values.lines, values.booked_on ? values.booked_on.format("YYYY-MM-DD") : undefined);
      const proposal = await api.postWithHeaders<JournalProposal>("/v1/ledger/journal-proposals", body, {
        "Idempotency-Key": key.current,
      });
      message.success(t("ledger.proposal.created", { id: proposal.id }));
      navigate(`/ledger/proposals/${encodeURIComponent(proposal.id)}`);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const { unplaced } = showFieldErrors(form, error.fieldErrors, locale);
        setFailure(unplaced.length === 0 ? t("valid.fixErrors") : errorMessage(error, locale));
      } else {
        setFailure(errorMessage(error, locale));
      }
      // A changed draft is a new request: a new key, or the API would call it a mismatched retry.
      key.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t("ledger.proposal.newTitle")} extra={<BackButton onClick={() => navigate("/ledger?tab=journal")} />} />
      <Card variant="borderless" className="form-card">
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ lines: [{ side: "debit" }, { side: "credit" }] }}
          data-testid="proposal-form"
        >
          <Form.Item name="booked_on" label={t("ledger.proposal.bookedOn")} extra={t("ledger.proposal.bookedOnHint")}>
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="memo"
            label={t("ledger.proposal.memo")}
            rules={[{ required: true, whitespace: true, message: t("ledger.proposal.memoRequired") }, { max: 500 }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="proposal-memo" />
          </Form.Item>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <div className="journal-line" key={field.key}>
                    <Form.Item
                      name={[field.name, "account_id"]}
                      label={i === 0 ? t("ledger.proposal.account") : undefined}
                      rules={[{ required: true, whitespace: true, message: t("ledger.proposal.accountRequired") }]}
                    >
                      <AutoComplete
                        options={options}
                        aria-label={t("ledger.proposal.account")}
                        filterOption={(input, option) => String(option?.label ?? "").toLowerCase().includes(input.toLowerCase())}
                        data-testid={`line-account-${i}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "side"]}
                      label={i === 0 ? t("ledger.proposal.side") : undefined}
                      rules={[{ required: true, message: t("ledger.proposal.sideRequired") }]}
                    >
                      <Select
                        aria-label={t("ledger.proposal.side")}
                        options={[
                          { value: "debit", label: t("sys.debit") },
                          { value: "credit", label: t("sys.credit") },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "amount"]}
                      label={i === 0 ? t("ledger.proposal.amount") : undefined}
                      rules={[
                        {
                          validator: (_, value: string | undefined) => {
                            const problem = amountProblem(value, currency);
                            return problem ? Promise.reject(new Error(t(`ledger.amount.${problem}` as MessageKey))) : Promise.resolve();
                          },
                        },
                      ]}
                    >
                      <Input inputMode="decimal" className="num-input" aria-label={t("ledger.proposal.amount")} data-testid={`line-amount-${i}`} />
                    </Form.Item>
                    <Form.Item label={i === 0 ? " " : undefined}>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        disabled={fields.length <= 2}
                        onClick={() => remove(field.name)}
                        aria-label={t("ledger.proposal.removeLine")}
                      />
                    </Form.Item>
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ side: "debit" })} disabled={fields.length >= 40} style={{ marginBottom: 12 }}>
                  {t("ledger.proposal.addLine")}
                </Button>
              </>
            )}
          </Form.List>
          <div className="journal-totals" data-testid="proposal-totals">
            {totals.map((c) => (
              <Tag key={c.currency} color={c.balanced ? "green" : "orange"}>
                {t("ledger.proposal.totals", {
                  currency: c.currency,
                  debit: formatAmount(c.debit, c.currency),
                  credit: formatAmount(c.credit, c.currency),
                })}
              </Tag>
            ))}
          </div>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="proposal-error" />}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="proposal-submit">
            {t("ledger.proposal.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
