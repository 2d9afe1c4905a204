/** Who the product is for and where it is sold: code, kind, names, segment, currency, channels. */
import { Checkbox, Col, Form, Input, Radio, Row, Segmented, Select, Typography } from "antd";

import { useI18n } from "../../i18n";
import { CHANNELS, PRODUCT_KINDS, type ProductKind } from "../types";
import { D, requiredRule, useOptions } from "./fields";
import { CURRENCIES, SEGMENTS } from "./options";

const CODE = /^[A-Z][A-Z0-9_-]{1,39}$/;

export function BasicSection({
  creating,
  code,
  kind,
  onKindChange,
}: {
  creating: boolean;
  code?: string;
  kind: ProductKind;
  onKindChange: (kind: ProductKind) => void;
}) {
  const { t } = useI18n();
  const options = useOptions();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          {creating ? (
            <Form.Item
              name="code"
              label={t("pf.f.code")}
              required
              extra={t("pf.codeHint")}
              normalize={(v: string) => v.toUpperCase()}
              rules={[requiredRule(t), { pattern: CODE, message: t("pf.valid.code") }]}
            >
              <Input maxLength={40} placeholder="CONSUMER-36M" className="code-input" />
            </Form.Item>
          ) : (
            <Form.Item label={t("pf.f.code")}>
              <Typography.Text code>{code}</Typography.Text>
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t("pf.col.kind")} required={creating}>
            {creating ? (
              <Segmented<ProductKind>
                block
                value={kind}
                onChange={onKindChange}
                options={PRODUCT_KINDS.map((k) => ({
                  value: k,
                  label: <span data-testid={`editor-kind-${k}`}>{t(`calc.kind.${k}`)}</span>,
                }))}
              />
            ) : (
              <span>{t(`calc.kind.${kind}`)}</span>
            )}
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={D("name", "zh-CN")} label={t("pf.f.nameZh")} rules={[requiredRule(t)]}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={D("name", "en-US")} label={t("pf.f.nameEn")} rules={[requiredRule(t)]}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={D("description", "zh-CN")} label={t("pf.f.descriptionZh")}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={D("description", "en-US")} label={t("pf.f.descriptionEn")}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={D("segment")} label={t("pf.f.segment")} rules={[requiredRule(t)]}>
            <Radio.Group optionType="button" options={options("segment", SEGMENTS)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={D("currency")} label={t("pf.f.currency")}>
            <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={D("channels")}
            label={t("pf.f.channels")}
            rules={[{ required: true, type: "array", min: 1, message: t("pf.valid.chooseOne") }]}
          >
            <Checkbox.Group options={options("channel", CHANNELS)} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
