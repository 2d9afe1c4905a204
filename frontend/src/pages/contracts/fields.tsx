/** Form fields the servicing forms share: an amount (a decimal string, never a float) and a date. */
import { DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";

import { amountProblem, normaliseAmount } from "../../contracts/amount";
import { useI18n } from "../../i18n";

export function AmountField({ name, label, currency, required = true, id, extra, placeholder }: {
  name: string;
  label: string;
  currency: string;
  required?: boolean;
  id: string;
  extra?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      normalize={(v: string) => v}
      rules={[
        { required, whitespace: true, message: t("svc.form.amountRequired") },
        {
          validator: async (_, value: string | undefined) => {
            const text = normaliseAmount(value ?? "");
            if (!text) return;
            const problem = amountProblem(text, currency);
            if (problem) throw new Error(t(`svc.form.amount.${problem}`));
          },
        },
      ]}
    >
      <Input id={id} inputMode="decimal" autoComplete="off" prefix={currency} className="num-input" placeholder={placeholder} />
    </Form.Item>
  );
}

export function DateField({ name, label, id, extra, requiredMessage }: {
  name: string;
  label: string;
  id: string;
  extra?: string;
  /** the date must be given (the message when it is not) */
  requiredMessage?: string;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} extra={extra}
      rules={requiredMessage ? [{ required: true, message: requiredMessage }] : undefined}>
      <DatePicker id={id} style={{ width: "100%" }} format="YYYY-MM-DD" placeholder={t("svc.form.datePlaceholder")} />
    </Form.Item>
  );
}

/** A picked date as the API takes it, or undefined (the API defaults to the business date). */
export const isoDate = (d: Dayjs | null | undefined): string | undefined => (d ? d.format("YYYY-MM-DD") : undefined);

/** Trimmed text or undefined. */
export const optional = (s: string | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined);

export { normaliseAmount };
