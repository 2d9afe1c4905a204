/** The rate (fixed bounds, or a benchmark plus a spread) and the fees. */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Col, Form, Input, Radio, Row, Select } from "antd";

import { useResource } from "../../api/useResource";
import { useI18n } from "../../i18n";
import { formatRate } from "../../money/decimal";
import type { Benchmark, ProductKind } from "../types";
import { D, RangeFields, requiredRule, UnitField, useOptions } from "./fields";
import { BENCHMARKS, FACTORING_FEE_TIMINGS, FEE_BASES, FEE_TIMINGS, RATE_MODES, REPRICINGS } from "./options";

export function RateSection({ kind, currency }: { kind: ProductKind; currency: string }) {
  const { t } = useI18n();
  const options = useOptions();
  const form = Form.useFormInstance();
  const mode: string | undefined = Form.useWatch(D("rate", "mode"), form);
  const benchmark: string | undefined = Form.useWatch(D("rate", "benchmark"), form);
  const benchmarks = useResource<{ items: Benchmark[] }>(mode === "floating" ? "/v1/benchmarks" : null);
  const current = benchmarks.data?.items.find((b) => b.code === benchmark)?.current;
  return (
    <>
      <Form.Item name={D("rate", "mode")} label={t("pf.f.mode")}>
        <Radio.Group
          optionType="button"
          options={options("rateMode", RATE_MODES)}
          onChange={(e) => {
            // A floating rate starts from the 1-year LPR plus a typical spread, for the author to adjust.
            if (e.target.value !== "floating" || form.getFieldValue(D("rate", "benchmark"))) return;
            form.setFieldValue(D("rate", "benchmark"), "LPR1Y");
            form.setFieldValue(D("rate", "repricing"), kind === "factoring" ? "none" : "annually_on_anniversary");
            form.setFieldValue(D("rate", "spread_bps"), { min: "50", max: "500", default: "200" });
          }}
        />
      </Form.Item>
      {mode === "floating" ? (
        <>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                name={D("rate", "benchmark")}
                label={t("pf.f.benchmark")}
                rules={[requiredRule(t)]}
                extra={current && t("pf.benchmarkNow", { rate: formatRate(current.rate), on: current.effective_on })}
              >
                <Select options={options("benchmark", BENCHMARKS)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name={D("rate", "repricing")} label={t("pf.f.repricing")} rules={[requiredRule(t)]}>
                <Select options={options("repricing", REPRICINGS)} />
              </Form.Item>
            </Col>
          </Row>
          <RangeFields path={["rate", "spread_bps"]} label="pf.f.spread_bps" unit="bps" currency={currency} />
        </>
      ) : (
        <RangeFields path={["rate", "annual_rate"]} label="pf.f.annual_rate" unit="percent" currency={currency} />
      )}
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <UnitField name={D("rate", "floor")} label={t("pf.f.floor")} unit="percent" currency={currency} />
        </Col>
        <Col xs={12} sm={8}>
          <UnitField name={D("rate", "cap")} label={t("pf.f.cap")} unit="percent" currency={currency} />
        </Col>
      </Row>
    </>
  );
}

export function FeesSection({ kind, currency }: { kind: ProductKind; currency: string }) {
  const { t } = useI18n();
  const options = useOptions();
  const form = Form.useFormInstance();
  const fees: { basis?: string }[] = Form.useWatch(D("fees"), form) ?? [];
  const timings = kind === "factoring" ? FACTORING_FEE_TIMINGS : FEE_TIMINGS;
  return (
    <Form.List name={D("fees")}>
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <p className="muted section-note">{t("pf.fees.none")}</p>}
          {fields.map((field) => {
            const fixed = fees[field.name]?.basis === "fixed";
            return (
              <div key={field.key} className="list-row" data-testid="fee-row">
                <Row gutter={12}>
                  <Col xs={24} sm={6}>
                    <Form.Item
                      name={[field.name, "code"]}
                      label={t("pf.f.feeCode")}
                      normalize={(v: string) => v.toUpperCase()}
                      rules={[requiredRule(t)]}
                    >
                      <Input maxLength={40} placeholder="ARRANGEMENT" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={9}>
                    <Form.Item name={[field.name, "name", "zh-CN"]} label={t("pf.f.nameZh")} rules={[requiredRule(t)]}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={9}>
                    <Form.Item name={[field.name, "name", "en-US"]} label={t("pf.f.nameEn")} rules={[requiredRule(t)]}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item name={[field.name, "timing"]} label={t("pf.f.feeTiming")}>
                      <Select options={options("feeTiming", timings)} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item name={[field.name, "basis"]} label={t("pf.f.basis")}>
                      <Radio.Group
                        optionType="button"
                        options={options("feeBasis", kind === "factoring" ? ["percent"] : FEE_BASES)}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    {fixed ? (
                      <UnitField name={[field.name, "amount"]} label={t("pf.f.feeAmount")} unit="amount" currency={currency} required />
                    ) : (
                      <UnitField
                        name={[field.name, "rate"]}
                        label={t(kind === "factoring" ? "pf.f.feeRateFace" : "pf.f.feeRate")}
                        unit="percent"
                        currency={currency}
                        required
                      />
                    )}
                  </Col>
                </Row>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  className="list-row-remove"
                  aria-label={t("pf.remove")}
                >
                  {t("pf.remove")}
                </Button>
              </div>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() =>
              add({ code: "", name: { "zh-CN": "", "en-US": "" }, timing: "on_disbursement", basis: "percent" })
            }
            data-testid="fee-add"
          >
            {t("pf.fees.add")}
          </Button>
        </>
      )}
    </Form.List>
  );
}
