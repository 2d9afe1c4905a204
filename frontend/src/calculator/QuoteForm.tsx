/** The calculator's terms: common fields plus the ones each kind (loan, lease, factoring) needs. */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Col, DatePicker, Divider, Form, Input, Row, Segmented, Select, Space, Switch } from "antd";
import type { FormInstance, FormRule } from "antd";
import type { Dayjs } from "dayjs";

import type { QuoteKind } from "../api/types";
import { useI18n, type MessageKey, type Translate } from "../i18n";
import {
  checkAmount,
  checkDays,
  checkPercent,
  checkTerm,
  CURRENCIES,
  DAY_COUNTS,
  FREQUENCIES,
  LEASE_AMORTIZATIONS,
  LOAN_AMORTIZATIONS,
  ROUNDINGS,
  type Problem,
  type QuoteFormValues,
} from "./terms";

function rule(t: Translate, label: MessageKey, check: (value: string | undefined) => Problem | null): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      const problem = check(value);
      if (!problem) return Promise.resolve();
      const { key, ...vars } = problem;
      return Promise.reject(new Error(t(key, { field: t(label), ...vars })));
    },
  };
}

function requiredDate(t: Translate, label: MessageKey): FormRule {
  return { required: true, message: t("valid.required", { field: t(label) }) };
}

const KINDS: QuoteKind[] = ["loan", "lease", "factoring"];

export function QuoteForm({
  form,
  initial,
  submitting,
  onSubmit,
  onReset,
  onKindChange,
}: {
  form: FormInstance<QuoteFormValues>;
  initial: QuoteFormValues;
  submitting: boolean;
  onSubmit: (values: QuoteFormValues) => void;
  onReset: () => void;
  onKindChange: (kind: QuoteKind) => void;
}) {
  const { t } = useI18n();
  const kind = Form.useWatch("kind", form) ?? initial.kind;
  const currency = Form.useWatch("currency", form) ?? initial.currency;
  const amortization = Form.useWatch("amortization", form) ?? initial.amortization;

  const amount = (label: MessageKey, opts: { positive?: boolean; required?: boolean } = {}) =>
    rule(t, label, (v) => checkAmount(v, currency, opts));
  const percent = (label: MessageKey, opts: { positive?: boolean; required?: boolean; max?: string } = {}) =>
    rule(t, label, (v) => checkPercent(v, opts));
  const amountInput = (testId: string) => (
    <Input inputMode="decimal" suffix={<span className="input-unit">{currency}</span>} data-testid={testId} className="num-input" />
  );
  const percentInput = (testId: string) => (
    <Input inputMode="decimal" suffix={<span className="input-unit">%</span>} data-testid={testId} className="num-input" />
  );

  const amortizations = kind === "lease" ? LEASE_AMORTIZATIONS : LOAN_AMORTIZATIONS;

  return (
    <Form<QuoteFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onSubmit}
      requiredMark
      scrollToFirstError
      className="quote-form"
      data-testid="quote-form"
      validateTrigger={["onBlur", "onSubmit"]}
    >
      <Form.Item name="kind" label={t("calc.kind")}>
        <Segmented<QuoteKind>
          block
          options={KINDS.map((k) => ({ value: k, label: <span data-testid={`kind-${k}`}>{t(`calc.kind.${k}`)}</span> }))}
          onChange={(value) => onKindChange(value)}
        />
      </Form.Item>

      <Divider titlePlacement="start" plain className="form-divider">
        {t(kind === "factoring" ? "calc.section.factoring" : kind === "lease" ? "calc.section.lease" : "calc.section.terms")}
      </Divider>
      <Row gutter={12}>
        {kind === "factoring" ? (
          <Col xs={24} sm={12}>
            <Form.Item name="principal" label={t("calc.facility")} rules={[amount("calc.facility", { required: false })]}>
              {amountInput("field-principal")}
            </Form.Item>
          </Col>
        ) : (
          <Col xs={24} sm={12}>
            <Form.Item
              name="principal"
              label={t(kind === "lease" ? "calc.principal.lease" : "calc.principal")}
              required
              rules={[amount("calc.principal", { positive: true })]}
            >
              {amountInput("field-principal")}
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="annual_rate" label={t("calc.annualRate")} required rules={[percent("calc.annualRate")]}>
            {percentInput("field-annual_rate")}
          </Form.Item>
        </Col>

        {kind !== "factoring" && (
          <>
            <Col xs={24} sm={12}>
              <Form.Item name="term" label={t("calc.term")} required rules={[rule(t, "calc.term", checkTerm)]}>
                <Input inputMode="numeric" data-testid="field-term" className="num-input" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="frequency" label={t("calc.frequency")}>
                <Select
                  data-testid="field-frequency"
                  options={FREQUENCIES.map((f) => ({ value: f, label: t(`calc.freq.${f}` as MessageKey) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={kind === "loan" && amortization === "balloon" ? 12 : 24}>
              <Form.Item name="amortization" label={t("calc.amortization")}>
                <Select
                  data-testid="field-amortization"
                  options={amortizations.map((a) => ({ value: a, label: t(`calc.amort.${a}` as MessageKey) }))}
                />
              </Form.Item>
            </Col>
            {kind === "loan" && amortization === "balloon" && (
              <Col xs={24} sm={12}>
                <Form.Item name="balloon" label={t("calc.balloon")} required rules={[amount("calc.balloon", { positive: true })]}>
                  {amountInput("field-balloon")}
                </Form.Item>
              </Col>
            )}
          </>
        )}

        {kind === "lease" && (
          <>
            <Col xs={24} sm={12}>
              <Form.Item name="timing" label={t("calc.timing")}>
                <Select
                  options={(["arrears", "advance"] as const).map((v) => ({ value: v, label: t(`calc.timing.${v}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="residual_value" label={t("calc.residualValue")} rules={[amount("calc.residualValue", { required: false })]}>
                {amountInput("field-residual_value")}
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="down_payment" label={t("calc.downPayment")} rules={[amount("calc.downPayment", { required: false })]}>
                {amountInput("field-down_payment")}
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="security_deposit"
                label={t("calc.securityDeposit")}
                rules={[amount("calc.securityDeposit", { required: false })]}
              >
                {amountInput("field-security_deposit")}
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="handling_fee" label={t("calc.handlingFee")} rules={[amount("calc.handlingFee", { required: false })]}>
                {amountInput("field-handling_fee")}
              </Form.Item>
            </Col>
          </>
        )}

        {kind === "factoring" && (
          <>
            <Col xs={24} sm={12}>
              <Form.Item
                name="advance_rate"
                label={t("calc.advanceRate")}
                required
                rules={[percent("calc.advanceRate", { positive: true })]}
              >
                {percentInput("field-advance_rate")}
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="interest_collection" label={t("calc.interestCollection")}>
                <Select
                  options={(["upfront", "maturity"] as const).map((v) => ({
                    value: v,
                    label: t(`calc.interestCollection.${v}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="service_fee_rate"
                label={t("calc.serviceFeeRate")}
                rules={[percent("calc.serviceFeeRate", { required: false })]}
              >
                {percentInput("field-service_fee_rate")}
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="grace_days" label={t("calc.graceDays")} rules={[rule(t, "calc.graceDays", checkDays)]}>
                <Input inputMode="numeric" className="num-input" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="recourse" label={t("calc.recourse")} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>

      {kind === "factoring" && <InvoiceList currency={currency} />}

      <Divider titlePlacement="start" plain className="form-divider">
        {t("calc.section.advanced")}
      </Divider>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="start_date" label={t("calc.startDate")} rules={[requiredDate(t, "calc.startDate")]}>
            <DatePicker style={{ width: "100%" }} allowClear={false} data-testid="field-start_date" />
          </Form.Item>
        </Col>
        {kind === "loan" && (
          <Col xs={24} sm={12}>
            <Form.Item name="first_due_date" label={t("calc.firstDueDate")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="day_count" label={t("calc.dayCount")}>
            <Select
              popupMatchSelectWidth={false}
              options={DAY_COUNTS.map((d) => ({ value: d, label: d === "period" ? t("calc.dayCount.period") : d }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item name="currency" label={t("calc.currency")}>
            <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item name="rounding" label={t("calc.rounding")}>
            <Select
              popupMatchSelectWidth={false}
              options={ROUNDINGS.map((r) => ({ value: r, label: t(`calc.rounding.${r}` as MessageKey) }))}
            />
          </Form.Item>
        </Col>
      </Row>

      <Space className="form-actions">
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="quote-submit">
          {t("calc.submit")}
        </Button>
        <Button onClick={onReset}>{t("calc.reset")}</Button>
      </Space>
    </Form>
  );
}

function InvoiceList({ currency }: { currency: string }) {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start" plain className="form-divider">
        {t("calc.section.invoices")}
      </Divider>
      <Form.List name="invoices">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <div key={field.key} className="invoice-row" data-testid="invoice-row">
                <Row gutter={8}>
                  <Col xs={24} sm={10}>
                    <Form.Item
                      name={[field.name, "number"]}
                      label={t("calc.invoice.number")}
                      rules={[{ required: true, whitespace: true, message: t("valid.required", { field: t("calc.invoice.number") }) }]}
                    >
                      <Input maxLength={64} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={14}>
                    <Form.Item
                      name={[field.name, "debtor"]}
                      label={t("calc.invoice.debtor")}
                      rules={[{ required: true, whitespace: true, message: t("valid.required", { field: t("calc.invoice.debtor") }) }]}
                    >
                      <Input maxLength={200} data-testid="field-invoice-debtor" />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item
                      name={[field.name, "face_amount"]}
                      label={t("calc.invoice.faceAmount")}
                      rules={[rule(t, "calc.invoice.faceAmount", (v) => checkAmount(v, currency, { positive: true }))]}
                    >
                      <Input inputMode="decimal" suffix={<span className="input-unit">{currency}</span>} className="num-input" />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item
                      name={[field.name, "issue_date"]}
                      label={t("calc.invoice.issueDate")}
                      rules={[requiredDate(t, "calc.invoice.issueDate")]}
                    >
                      <DatePicker style={{ width: "100%" }} allowClear={false} />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item
                      name={[field.name, "due_date"]}
                      label={t("calc.invoice.dueDate")}
                      dependencies={[["invoices", field.name, "issue_date"]]}
                      rules={[
                        requiredDate(t, "calc.invoice.dueDate"),
                        ({ getFieldValue }) => ({
                          validator: (_, due: Dayjs | null) => {
                            const issued: Dayjs | null = getFieldValue(["invoices", field.name, "issue_date"]);
                            return !due || !issued || !due.isBefore(issued, "day")
                              ? Promise.resolve()
                              : Promise.reject(new Error(t("valid.dueAfterIssue")));
                          },
                        }),
                      ]}
                    >
                      <DatePicker style={{ width: "100%" }} allowClear={false} />
                    </Form.Item>
                  </Col>
                </Row>
                {fields.length > 1 && (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    className="invoice-remove"
                  >
                    {t("calc.invoice.remove")}
                  </Button>
                )}
              </div>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ number: `INV-${String(fields.length + 1).padStart(4, "0")}`, debtor: "", face_amount: "" })}
            >
              {t("calc.invoice.add")}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
