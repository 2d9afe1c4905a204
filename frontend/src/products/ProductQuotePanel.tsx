/**
 * "Quote with this product": an applicant's terms priced on the active version
 * (`POST /v1/products/{code}/quote`) — bounds checked, defaults filled in, the rate fixed by the product.
 */
import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Space, Spin, Typography } from "antd";
import type { FormRule } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useRef, useState } from "react";

import { ApiError, errorMessage, fieldMessage } from "../api/errors";
import { useAuth } from "../auth/AuthProvider";
import { QuoteSummary } from "../calculator/QuoteSummary";
import { ScheduleTable } from "../calculator/ScheduleTable";
import { checkAmount, checkPercent, checkTerm, cleanAmount, type Problem } from "../calculator/terms";
import { showFieldErrors } from "../forms/serverErrors";
import { useI18n, type MessageKey, type Translate } from "../i18n";
import { useTenantToday } from "../system/useDateParam";
import { addDecimals, formatRate, isDecimalString, percentToFraction } from "../money/decimal";
import { formatParameter, optionLabel } from "./format";
import type { ProductQuote, VersionDetails } from "./types";

interface QuoteValues {
  principal?: string;
  term?: string;
  frequency?: string;
  amortization?: string;
  annual_rate?: string;
  spread_bps?: string;
  start_date?: Dayjs | null;
  timing?: string;
  advance_rate?: string;
  invoices?: { number?: string; debtor?: string; face_amount?: string; issue_date?: Dayjs | null; due_date?: Dayjs | null }[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const MONTHS: Record<string, number> = { monthly: 1, quarterly: 3, "semi-annual": 6, annual: 12 };

function rule(t: Translate, label: MessageKey, check: (v: string | undefined) => Problem | null): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      const problem = check(value);
      if (!problem) return Promise.resolve();
      const { key, ...vars } = problem;
      return Promise.reject(new Error(t(key, { field: t(label), ...vars })));
    },
  };
}

export function ProductQuotePanel({ version }: { version: VersionDetails }) {
  const { api } = useAuth();
  const businessToday = useTenantToday();
  const { t, locale } = useI18n();
  const [form] = Form.useForm<QuoteValues>();
  const [quote, setQuote] = useState<ProductQuote | null>(null);
  const [failure, setFailure] = useState<{ message: string; unplaced: string[] } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const { kind, code } = version;
  const d = version.definition;
  const currency = typeof d.currency === "string" ? d.currency : "CNY";
  const terms = obj(d.terms);
  const rate = obj(d.rate);
  const amount = obj(terms.amount);
  const months = obj(terms.term_months);
  const frequency = obj(terms.frequency);
  const floating = rate.mode === "floating";
  const debtors = list(terms.approved_debtors);

  const initial = (): QuoteValues => {
    const today = dayjs(businessToday).startOf("day");
    const freq = typeof frequency.default === "string" ? frequency.default : "monthly";
    const defaultMonths = typeof months.default === "number" ? months.default : undefined;
    const tenor = obj(terms.tenor_days);
    const days = Math.min(Math.max(90, Number(tenor.min ?? 1)), Number(tenor.max ?? 90));
    return {
      principal: typeof amount.default === "string" ? amount.default : "",
      term: defaultMonths && defaultMonths % (MONTHS[freq] ?? 1) === 0 ? String(defaultMonths / (MONTHS[freq] ?? 1)) : "",
      frequency: freq,
      amortization: typeof obj(terms.amortization).default === "string" ? String(obj(terms.amortization).default) : undefined,
      timing: typeof obj(terms.timing).default === "string" ? String(obj(terms.timing).default) : undefined,
      start_date: today,
      invoices: [
        {
          number: "INV-0001",
          debtor: debtors[0] ?? "",
          // Twice the smallest advance: a face amount whose advance the product accepts at most advance rates.
          face_amount: isDecimalString(amount.min) ? addDecimals(amount.min, amount.min) : "",
          issue_date: today,
          due_date: today.add(days, "day"),
        },
      ],
    };
  };

  function body(v: QuoteValues): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const date = (x: Dayjs | null | undefined) => (x ? x.format("YYYY-MM-DD") : undefined);
    if (v.start_date) out.start_date = date(v.start_date);
    if (cleanAmount(v.annual_rate)) out.annual_rate = percentToFraction(cleanAmount(v.annual_rate));
    if (cleanAmount(v.spread_bps)) out.spread_bps = Number.parseInt(cleanAmount(v.spread_bps), 10);
    if (kind === "factoring") {
      if (cleanAmount(v.advance_rate)) out.advance_rate = percentToFraction(cleanAmount(v.advance_rate));
      out.invoices = (v.invoices ?? []).map((inv) => ({
        number: (inv.number ?? "").trim(),
        debtor: (inv.debtor ?? "").trim(),
        face_amount: cleanAmount(inv.face_amount),
        issue_date: date(inv.issue_date),
        due_date: date(inv.due_date),
      }));
      return out;
    }
    if (cleanAmount(v.principal)) out.principal = cleanAmount(v.principal);
    if (cleanAmount(v.term)) out.term = Number.parseInt(cleanAmount(v.term), 10);
    if (v.frequency) out.frequency = v.frequency;
    if (v.amortization) out.amortization = v.amortization;
    if (kind === "lease" && v.timing) out.timing = v.timing;
    return out;
  }

  async function onSubmit(values: QuoteValues) {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setSubmitting(true);
    setFailure(null);
    try {
      setQuote(await api.post<ProductQuote>(`/v1/products/${encodeURIComponent(code)}/quote`, body(values), controller.signal));
    } catch (error) {
      if (controller.signal.aborted) return;
      setQuote(null);
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const { unplaced } = showFieldErrors(form, error.fieldErrors, locale);
        setFailure({
          message: unplaced.length === 0 ? t("valid.fixErrors") : errorMessage(error, locale),
          unplaced: unplaced.map((e) => `${e.field}: ${fieldMessage(e.message, locale, e.type)}`),
        });
      } else {
        setFailure({ message: errorMessage(error, locale), unplaced: [] });
      }
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null;
        setSubmitting(false);
      }
    }
  }

  const bounds = (path: string, range: Obj) =>
    range.min !== undefined ? `${formatParameter(path, range.min, locale, currency)} – ${formatParameter(path, range.max, locale, currency)}` : "";
  const unit = (text: string) => <span className="input-unit">{text}</span>;
  const choices = (name: string, group: string) =>
    list(obj(terms[name]).allowed).map((v) => ({ value: v, label: optionLabel(group, v, locale) }));

  return (
    <Row gutter={[16, 16]} className="product-quote">
      <Col xs={24} xl={8}>
        <Form<QuoteValues>
          form={form}
          layout="vertical"
          initialValues={initial()}
          onFinish={onSubmit}
          validateTrigger={["onBlur", "onSubmit"]}
          data-testid="product-quote-form"
          className="quote-form"
        >
          {kind !== "factoring" && (
            <Row gutter={12}>
              <Col span={24}>
                <Form.Item
                  name="principal"
                  label={t(kind === "lease" ? "calc.principal.lease" : "calc.principal")}
                  extra={t("pf.quote.range", { range: bounds("terms.amount.min", amount), unit: currency })}
                  rules={[rule(t, "calc.principal", (v) => checkAmount(v, currency, { positive: true }))]}
                >
                  <Input inputMode="decimal" suffix={unit(currency)} className="num-input" />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item
                  name="term"
                  label={t("calc.term")}
                  extra={t("pf.quote.months", { min: String(months.min ?? ""), max: String(months.max ?? "") })}
                  rules={[rule(t, "calc.term", checkTerm)]}
                >
                  <Input inputMode="numeric" className="num-input" />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item name="frequency" label={t("calc.frequency")}>
                  <Select options={choices("frequency", "frequency")} />
                </Form.Item>
              </Col>
              <Col span={kind === "lease" ? 12 : 24}>
                <Form.Item name="amortization" label={t("calc.amortization")}>
                  <Select options={choices("amortization", "amortization")} />
                </Form.Item>
              </Col>
              {kind === "lease" && (
                <Col xs={12}>
                  <Form.Item name="timing" label={t("calc.timing")}>
                    <Select options={choices("timing", "rentTiming")} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          )}
          <Row gutter={12}>
            {floating ? (
              <Col xs={12}>
                <Form.Item
                  name="spread_bps"
                  label={t("pf.f.spread_bps")}
                  extra={t("pf.quote.range", { range: bounds("rate.spread_bps.min", obj(rate.spread_bps)), unit: "" })}
                  rules={[{ pattern: /^-?\d{1,4}$/, message: t("pf.valid.integer") }]}
                >
                  <Input
                    inputMode="numeric"
                    suffix={unit("bp")}
                    className="num-input"
                    placeholder={String(obj(rate.spread_bps).default ?? "")}
                  />
                </Form.Item>
              </Col>
            ) : (
              <Col xs={12}>
                <Form.Item
                  name="annual_rate"
                  label={t("calc.annualRate")}
                  extra={t("pf.quote.range", { range: bounds("rate.annual_rate.min", obj(rate.annual_rate)), unit: "" })}
                  rules={[rule(t, "calc.annualRate", (v) => checkPercent(v, { required: false }))]}
                >
                  <Input
                    inputMode="decimal"
                    suffix={unit("%")}
                    className="num-input"
                    placeholder={formatParameter("rate.annual_rate.default", obj(rate.annual_rate).default, locale).replace("%", "")}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={12}>
              <Form.Item name="start_date" label={t("calc.startDate")}>
                <DatePicker style={{ width: "100%" }} allowClear={false} />
              </Form.Item>
            </Col>
            {kind === "factoring" && (
              <Col xs={12}>
                <Form.Item
                  name="advance_rate"
                  label={t("calc.advanceRate")}
                  extra={t("pf.quote.range", { range: bounds("terms.advance_rate.min", obj(terms.advance_rate)), unit: "" })}
                  rules={[rule(t, "calc.advanceRate", (v) => checkPercent(v, { required: false }))]}
                >
                  <Input inputMode="decimal" suffix={unit("%")} className="num-input" />
                </Form.Item>
              </Col>
            )}
          </Row>
          {kind === "factoring" && (
            <div className="invoice-row">
              <Row gutter={8}>
                <Col xs={24} sm={10}>
                  <Form.Item name={["invoices", 0, "number"]} label={t("calc.invoice.number")} rules={[{ required: true, message: t("valid.required", { field: t("calc.invoice.number") }) }]}>
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={14}>
                  <Form.Item name={["invoices", 0, "debtor"]} label={t("calc.invoice.debtor")} rules={[{ required: true, message: t("valid.required", { field: t("calc.invoice.debtor") }) }]}>
                    {debtors.length > 0 ? <Select options={debtors.map((x) => ({ value: x, label: x }))} /> : <Input maxLength={200} />}
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    name={["invoices", 0, "face_amount"]}
                    label={t("calc.invoice.faceAmount")}
                    rules={[rule(t, "calc.invoice.faceAmount", (v) => checkAmount(v, currency, { positive: true }))]}
                  >
                    <Input inputMode="decimal" suffix={unit(currency)} className="num-input" />
                  </Form.Item>
                </Col>
                <Col xs={12}>
                  <Form.Item name={["invoices", 0, "issue_date"]} label={t("calc.invoice.issueDate")}>
                    <DatePicker style={{ width: "100%" }} allowClear={false} />
                  </Form.Item>
                </Col>
                <Col xs={12}>
                  <Form.Item name={["invoices", 0, "due_date"]} label={t("calc.invoice.dueDate")}>
                    <DatePicker style={{ width: "100%" }} allowClear={false} />
                  </Form.Item>
                </Col>
              </Row>
            </div>
          )}
          <Space className="form-actions">
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="product-quote-submit">
              {t("calc.submit")}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setQuote(null);
                setFailure(null);
              }}
            >
              {t("calc.reset")}
            </Button>
          </Space>
        </Form>
      </Col>
      <Col xs={24} xl={16}>
        {failure && (
          <Alert
            type="error"
            showIcon
            className="result-alert"
            data-testid="product-quote-error"
            title={failure.message}
            description={
              failure.unplaced.length > 0 ? (
                <ul className="error-list">
                  {failure.unplaced.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {quote ? (
          <Spin spinning={submitting}>
            <div className="result-stack" data-testid="product-quote-result">
              <div className="quote-rate-line">
                <Typography.Text type="secondary">{t("pf.quote.rate")}</Typography.Text>
                <Typography.Text strong className="num" data-testid="product-quote-rate">
                  {formatRate(quote.rate.annual_rate)}
                </Typography.Text>
                {quote.rate.mode === "floating" && quote.rate.benchmark_rate && (
                  <Typography.Text type="secondary" className="num">
                    {t("pf.quote.floating", {
                      benchmark: optionLabel("benchmark", quote.rate.benchmark ?? "", locale),
                      rate: formatRate(quote.rate.benchmark_rate),
                      spread: quote.rate.spread_bps ?? 0,
                      on: quote.rate.benchmark_effective_on ?? "",
                    })}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary">{t("pf.quote.version", { version: quote.product.version })}</Typography.Text>
              </div>
              <QuoteSummary quote={quote} currency={quote.currency ?? currency} />
              <ScheduleTable rows={quote.installments} currency={quote.currency ?? currency} />
            </div>
          </Spin>
        ) : (
          !failure && (
            <div className="quote-placeholder">
              <Typography.Text type="secondary">
                {t("pf.quote.hint")}
              </Typography.Text>
            </div>
          )
        )}
      </Col>
    </Row>
  );
}
