/** The application form's facility field: the chosen customer's drawable facilities, with what is available. */
import { Form, Select } from "antd";

import { useResource } from "../../api/useResource";
import { useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import type { Facility } from "./types";

export function FacilityPicker({ customerId }: { customerId?: string }) {
  const { t } = useI18n();
  const facilities = useResource<{ items: Facility[] }>(
    customerId ? `/v1/facilities?customer_id=${encodeURIComponent(customerId)}` : null,
  );
  const drawable = (facilities.data?.items ?? []).filter((f) => f.drawable);
  return (
    <Form.Item name="facility_id" label={t("fac.pick")}>
      <Select id="facility_id" allowClear loading={facilities.loading} placeholder={t("fac.none")} data-testid="facility-picker"
        options={drawable.map((f) => ({
          value: f.facility_id,
          label: `${formatMoney(f.amount, f.currency)} · ${t("fac.pickHint", { available: formatMoney(f.available, f.currency) })}`,
        }))} />
    </Form.Item>
  );
}
