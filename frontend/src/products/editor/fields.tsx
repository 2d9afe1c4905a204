/**
 * The editor's building blocks. Every field is named by its path in the definition
 * (`["definition", "terms", "amount", "max"]`), so the API's error for `definition.terms.amount.max`
 * lands on it. Checks here are about form (a number, a whole number, filled in); whether the numbers
 * make sense together is the API's to say.
 */
import { Col, Form, Input, Row, Select } from "antd";
import type { FormRule, InputProps } from "antd";
import type { ReactNode } from "react";

import { checkAmount, checkPercent } from "../../calculator/terms";
import { useI18n, type MessageKey, type Translate } from "../../i18n";

export type Path = (string | number)[];
export const D = (...path: Path): Path => ["definition", ...path];

export type Unit = "amount" | "percent" | "months" | "days" | "bps" | "periods" | "years";

const UNIT_KEYS: Record<Exclude<Unit, "amount" | "percent" | "bps">, MessageKey> = {
  months: "pf.unit.months",
  days: "pf.unit.days",
  periods: "pf.unit.periods",
  years: "pf.unit.years",
};

/** Integer bounds the API's schema sets for each kind of count. */
const INTEGER_LIMITS: Record<Exclude<Unit, "amount" | "percent">, [number, number]> = {
  months: [0, 1200],
  days: [0, 1200],
  periods: [0, 1200],
  years: [0, 100],
  bps: [-1000, 5000],
};

function reject(message: string) {
  return Promise.reject(new Error(message));
}

/** The format check for a value of `unit` (blank passes unless `required`). */
export function unitRule(t: Translate, unit: Unit, currency: string, required: boolean): FormRule {
  return {
    validator: (_, raw: unknown) => {
      const value = typeof raw === "string" ? raw.trim() : raw === undefined || raw === null ? "" : String(raw);
      if (!value) return required ? reject(t("pf.valid.required")) : Promise.resolve();
      if (unit === "amount" || unit === "percent") {
        const problem = unit === "amount" ? checkAmount(value, currency, { required }) : checkPercent(value, { required });
        if (!problem) return Promise.resolve();
        const { key, ...vars } = problem;
        return reject(t(key, vars));
      }
      const [min, max] = INTEGER_LIMITS[unit];
      if (!/^-?\d{1,6}$/.test(value)) return reject(t("pf.valid.integer"));
      const n = Number.parseInt(value, 10);
      return n < min || n > max ? reject(t("pf.valid.integerRange", { min, max })) : Promise.resolve();
    },
  };
}

export function requiredRule(t: Translate): FormRule {
  return { required: true, whitespace: true, message: t("pf.valid.required") };
}

export function UnitInput({ unit, currency, ...rest }: InputProps & { unit: Unit; currency: string }) {
  const { t } = useI18n();
  const suffix =
    unit === "amount" ? currency : unit === "percent" ? "%" : unit === "bps" ? "bp" : t(UNIT_KEYS[unit]);
  return (
    <Input
      {...rest}
      inputMode={unit === "amount" || unit === "percent" ? "decimal" : "numeric"}
      suffix={<span className="input-unit">{suffix}</span>}
      className="num-input"
    />
  );
}

/** A value with a unit, as one form field. */
export function UnitField({
  name,
  label,
  unit,
  currency,
  required = false,
  extra,
}: {
  name: Path;
  label: ReactNode;
  unit: Unit;
  currency: string;
  required?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} required={required} rules={[unitRule(t, unit, currency, required)]} extra={extra}>
      <UnitInput unit={unit} currency={currency} />
    </Form.Item>
  );
}

/** Minimum, maximum and (optionally) default of one parameter, side by side. */
export function RangeFields({
  path,
  label,
  unit,
  currency,
  withDefault = true,
  optional = false,
}: {
  path: Path;
  label: MessageKey;
  unit: Unit;
  currency: string;
  withDefault?: boolean;
  /** the whole range may be left out (the API then has none, or its own default) */
  optional?: boolean;
}) {
  const { t } = useI18n();
  const parts = withDefault ? (["min", "max", "default"] as const) : (["min", "max"] as const);
  return (
    <Row gutter={12} className="range-fields">
      {parts.map((part) => (
        <Col key={part} xs={24} sm={8}>
          <UnitField
            name={D(...path, part)}
            label={t(`pf.range.${part}`, { label: t(label) })}
            unit={unit}
            currency={currency}
            required={!optional && part !== "default"}
          />
        </Col>
      ))}
    </Row>
  );
}

/** What the applicant may choose (`allowed`) and what they get without choosing (`default`). */
export function ChoiceFields({
  path,
  label,
  options,
}: {
  path: Path;
  label: MessageKey;
  options: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const allowed: string[] = Form.useWatch(D(...path, "allowed"), form) ?? [];
  return (
    <Row gutter={12}>
      <Col xs={24} sm={16}>
        <Form.Item
          name={D(...path, "allowed")}
          label={t("pf.choice.allowed", { label: t(label) })}
          rules={[{ required: true, type: "array", min: 1, message: t("pf.valid.chooseOne") }]}
        >
          <Select mode="multiple" options={options} maxTagCount="responsive" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          name={D(...path, "default")}
          label={t("pf.choice.default", { label: t(label) })}
          rules={[{ required: true, message: t("pf.valid.required") }]}
        >
          <Select options={options.filter((o) => allowed.includes(o.value))} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Options of one list (`pf.opt.<group>.<value>`). */
export function useOptions() {
  const { t } = useI18n();
  return (group: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`pf.opt.${group}.${value}` as MessageKey) }));
}
