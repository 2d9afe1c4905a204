/** Amounts, terms and repayment choices: the loan, lease and factoring forms differ most here. */
import { Col, Form, Radio, Row, Select, Switch } from "antd";

import { useI18n } from "../../i18n";
import type { ProductKind } from "../types";
import { ChoiceFields, D, RangeFields, useOptions } from "./fields";
import {
  ARRANGEMENTS,
  DAILY_DAY_COUNTS,
  DAY_COUNTS,
  DEPOSIT_SETTLEMENTS,
  FREQUENCIES,
  INTEREST_COLLECTIONS,
  LEASE_AMORTIZATIONS,
  LOAN_AMORTIZATIONS,
  RENT_TIMINGS,
  ROUNDINGS,
  STRUCTURES,
} from "./options";

function Rounding() {
  const { t } = useI18n();
  const options = useOptions();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item name={D("terms", "rounding")} label={t("pf.f.rounding")}>
          <Select options={options("rounding", ROUNDINGS)} popupMatchSelectWidth={false} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function TermsSection({ kind, currency }: { kind: ProductKind; currency: string }) {
  if (kind === "factoring") return <FactoringTerms currency={currency} />;
  return <PeriodicTerms kind={kind} currency={currency} />;
}

function PeriodicTerms({ kind, currency }: { kind: "loan" | "lease"; currency: string }) {
  const { t } = useI18n();
  const options = useOptions();
  const form = Form.useFormInstance();
  const amortizations: string[] = Form.useWatch(D("terms", "amortization", "allowed"), form) ?? [];
  return (
    <>
      <RangeFields path={["terms", "amount"]} label={kind === "lease" ? "pf.f.financedAmount" : "pf.f.amount"} unit="amount" currency={currency} />
      <RangeFields path={["terms", "term_months"]} label="pf.f.term_months" unit="months" currency={currency} />
      <ChoiceFields path={["terms", "frequency"]} label="pf.f.frequency" options={options("frequency", FREQUENCIES)} />
      <ChoiceFields
        path={["terms", "amortization"]}
        label="pf.f.amortization"
        options={options("amortization", kind === "lease" ? LEASE_AMORTIZATIONS : LOAN_AMORTIZATIONS)}
      />
      <ChoiceFields path={["terms", "day_count"]} label="pf.f.day_count" options={options("dayCount", DAY_COUNTS)} />
      <Rounding />
      {kind === "loan" && (
        <>
          <RangeFields
            path={["terms", "grace_on_principal"]}
            label="pf.f.grace_on_principal"
            unit="periods"
            currency={currency}
            optional
          />
          {amortizations.includes("balloon") && (
            <RangeFields path={["terms", "balloon_rate"]} label="pf.f.balloon_rate" unit="percent" currency={currency} />
          )}
        </>
      )}
      {kind === "lease" && (
        <>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name={D("terms", "structure")} label={t("pf.f.structure")}>
                <Radio.Group optionType="button" options={options("structure", STRUCTURES)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name={D("terms", "deposit_settlement")} label={t("pf.f.deposit_settlement")}>
                <Radio.Group optionType="button" options={options("depositSettlement", DEPOSIT_SETTLEMENTS)} />
              </Form.Item>
            </Col>
          </Row>
          <ChoiceFields path={["terms", "timing"]} label="pf.f.rentTiming" options={options("rentTiming", RENT_TIMINGS)} />
          <RangeFields path={["terms", "residual_value_rate"]} label="pf.f.residual_value_rate" unit="percent" currency={currency} />
          <RangeFields path={["terms", "security_deposit_rate"]} label="pf.f.security_deposit_rate" unit="percent" currency={currency} />
          <RangeFields path={["terms", "down_payment_rate"]} label="pf.f.down_payment_rate" unit="percent" currency={currency} />
        </>
      )}
    </>
  );
}

function FactoringTerms({ currency }: { currency: string }) {
  const { t } = useI18n();
  const options = useOptions();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={D("terms", "arrangement")} label={t("pf.f.arrangement")}>
            <Radio.Group optionType="button" options={options("arrangement", ARRANGEMENTS)} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name={D("terms", "recourse")} label={t("pf.f.recourse")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name={D("terms", "debtor_confirmation_required")} label={t("pf.f.debtor_confirmation_required")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={D("terms", "approved_debtors")} label={t("pf.f.approved_debtors")} extra={t("pf.debtorsHint")}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[",", "，", ";", "；"]} />
          </Form.Item>
        </Col>
      </Row>
      <RangeFields path={["terms", "amount"]} label="pf.f.advanceAmount" unit="amount" currency={currency} />
      <RangeFields path={["terms", "advance_rate"]} label="pf.f.advance_rate" unit="percent" currency={currency} />
      <RangeFields path={["terms", "tenor_days"]} label="pf.f.tenor_days" unit="days" currency={currency} />
      <RangeFields path={["terms", "grace_days"]} label="pf.f.grace_days" unit="days" currency={currency} />
      <ChoiceFields
        path={["terms", "interest_collection"]}
        label="pf.f.interest_collection"
        options={options("interestCollection", INTEREST_COLLECTIONS)}
      />
      <ChoiceFields path={["terms", "day_count"]} label="pf.f.day_count" options={options("dayCount", DAILY_DAY_COUNTS)} />
      <Rounding />
    </>
  );
}
