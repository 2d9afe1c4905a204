/** Penalty and prepayment, the review workflow and its documents, risk rules, and accounts. */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Col, Form, Input, Radio, Row, Select, Switch } from "antd";

import { useI18n, type MessageKey } from "../../i18n";
import type { ProductKind } from "../types";
import { D, RangeFields, requiredRule, UnitField, useOptions } from "./fields";
import { DAILY_DAY_COUNTS, PENALTY_BASES, STRATEGIES } from "./options";

export function PenaltySection({ kind, currency }: { kind: ProductKind; currency: string }) {
  const { t } = useI18n();
  const options = useOptions();
  const form = Form.useFormInstance();
  const basis: string | undefined = Form.useWatch(D("penalty", "basis"), form);
  const prepaymentAllowed: boolean | undefined = Form.useWatch(D("prepayment", "allowed"), form);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={D("penalty", "basis")} label={t("pf.f.penaltyBasis")}>
            <Radio.Group optionType="button" options={options("penaltyBasis", PENALTY_BASES)} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={5}>
          {basis === "rate" ? (
            <UnitField name={D("penalty", "rate")} label={t("pf.f.penaltyRate")} unit="percent" currency={currency} required />
          ) : (
            <Form.Item
              name={D("penalty", "multiplier")}
              label={t("pf.f.multiplier")}
              rules={[requiredRule(t), { pattern: /^\d{1,2}(\.\d{1,4})?$/, message: t("pf.valid.decimal") }]}
            >
              <Input inputMode="decimal" suffix={<span className="input-unit">{t("pf.unit.times")}</span>} className="num-input" />
            </Form.Item>
          )}
        </Col>
        <Col xs={12} sm={5}>
          <Form.Item name={D("penalty", "day_count")} label={t("pf.f.day_count")}>
            <Select options={options("dayCount", DAILY_DAY_COUNTS)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item name={D("penalty", "on_overdue_interest")} label={t("pf.f.on_overdue_interest")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={6}>
          <Form.Item name={D("prepayment", "allowed")} label={t("pf.f.prepaymentAllowed")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        {prepaymentAllowed && (
          <>
            {kind !== "factoring" && (
              <Col xs={12} sm={6}>
                <UnitField name={D("prepayment", "after_periods")} label={t("pf.f.after_periods")} unit="periods" currency={currency} />
              </Col>
            )}
            <Col xs={12} sm={6}>
              <UnitField name={D("prepayment", "penalty_rate")} label={t("pf.f.prepaymentPenalty")} unit="percent" currency={currency} />
            </Col>
            {kind !== "factoring" && (
              <Col xs={24} sm={6}>
                <Form.Item name={D("prepayment", "strategies")} label={t("pf.f.strategies")}>
                  <Checkbox.Group options={options("strategy", STRATEGIES)} />
                </Form.Item>
              </Col>
            )}
          </>
        )}
      </Row>
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <UnitField name={D("arrears_tolerance", "amount")} label={t("pf.f.toleranceAmount")} unit="amount" currency={currency} />
        </Col>
        <Col xs={12} sm={6}>
          <UnitField name={D("arrears_tolerance", "days")} label={t("pf.f.toleranceDays")} unit="days" currency={currency} />
        </Col>
      </Row>
    </>
  );
}

export function WorkflowSection({ currency }: { currency: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const always: boolean | undefined = Form.useWatch(D("workflow", "second_review_required"), form);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item
            name={D("workflow", "second_review_required")}
            label={t("pf.f.second_review_required")}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
        {!always && (
          <Col xs={24} sm={8}>
            <UnitField
              name={D("workflow", "second_review_above")}
              label={t("pf.f.second_review_above")}
              unit="amount"
              currency={currency}
              extra={t("pf.secondReviewHint")}
            />
          </Col>
        )}
        <Col xs={24} sm={8}>
          <UnitField name={D("workflow", "signing_window_days")} label={t("pf.f.signing_window_days")} unit="days" currency={currency} />
        </Col>
      </Row>
      <div className="list-label">{t("pf.f.documents")}</div>
      <Form.List name={D("workflow", "documents")}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} className="document-row" align="top" data-testid="document-row">
                <Col xs={24} sm={6}>
                  <Form.Item
                    name={[field.name, "code"]}
                    normalize={(v: string) => v.toUpperCase()}
                    rules={[requiredRule(t)]}
                  >
                    <Input placeholder={t("pf.f.documentCode")} aria-label={t("pf.f.documentCode")} maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={7}>
                  <Form.Item name={[field.name, "name", "zh-CN"]} rules={[requiredRule(t)]}>
                    <Input placeholder={t("pf.f.nameZh")} aria-label={t("pf.f.nameZh")} maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={7}>
                  <Form.Item name={[field.name, "name", "en-US"]} rules={[requiredRule(t)]}>
                    <Input placeholder={t("pf.f.nameEn")} aria-label={t("pf.f.nameEn")} maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={16} sm={3}>
                  <Form.Item name={[field.name, "required"]} valuePropName="checked">
                    <Checkbox>{t("pf.f.documentRequired")}</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={8} sm={1}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t("pf.remove")}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ code: "", name: { "zh-CN": "", "en-US": "" }, required: true })}
            >
              {t("pf.documents.add")}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

export function RiskSection({ currency }: { currency: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const segment: string | undefined = Form.useWatch(D("segment"), form);
  return (
    <>
      {segment === "individual" ? (
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <RangeFields
              path={["risk", "applicant_age"]}
              label="pf.f.applicant_age"
              unit="years"
              currency={currency}
              withDefault={false}
              optional
            />
          </Col>
          <Col xs={24} sm={8}>
            <UnitField name={D("risk", "max_debt_to_income")} label={t("pf.f.max_debt_to_income")} unit="percent" currency={currency} />
          </Col>
        </Row>
      ) : (
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <UnitField name={D("risk", "company_age_years_min")} label={t("pf.f.company_age_years_min")} unit="years" currency={currency} />
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <UnitField name={D("risk", "max_customer_exposure")} label={t("pf.f.max_customer_exposure")} unit="amount" currency={currency} />
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name={D("risk", "excluded_industries")} label={t("pf.f.excluded_industries")} extra={t("pf.industriesHint")}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[",", "，", " "]} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item name={D("risk", "blacklist_check")} label={t("pf.f.blacklist_check")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

const ACCOUNTS: Record<ProductKind, string[]> = {
  loan: [],
  lease: ["unearned_income", "deposit_held"],
  factoring: ["reserve_payable"],
};
const COMMON_ACCOUNTS = ["principal", "interest_receivable", "interest_income", "fee_income", "penalty_income", "suspense"];

export function AccountingSection({ kind }: { kind: ProductKind }) {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item name={D("accounting", "template")} label={t("pf.f.template")}>
          <Input maxLength={63} />
        </Form.Item>
      </Col>
      {[...COMMON_ACCOUNTS, ...ACCOUNTS[kind]].map((name) => (
        <Col key={name} xs={12} sm={8}>
          <Form.Item
            name={D("accounting", name)}
            label={t(`pf.f.${name}` as MessageKey)}
            rules={[requiredRule(t), { pattern: /^[0-9]{4}(\.[0-9]{2})?$/, message: t("pf.valid.account") }]}
          >
            <Input maxLength={7} className="num-input" />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
