/**
 * Register an individual or an enterprise. The identity number is checked for shape here and for its
 * check character by the API, which keeps only a keyed hash and a mask of it.
 */
import { ArrowLeftOutlined, LockOutlined, UserAddOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Switch } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";

import { ApiError, errorMessage, fieldMessage } from "../api/errors";
import type { FieldError } from "../api/types";
import { useAuth } from "../auth/AuthProvider";
import { checkAmount } from "../calculator/terms";
import { PageHeader } from "../components/PageHeader";
import { customerErrorField, IDENTITY_TYPES, identityProblem } from "../customers/identity";
import { buildNewCustomer, INITIAL, type RegisterValues } from "../customers/registration";
import type { Customer, CustomerType, IdentityType } from "../customers/types";
import { showFieldErrors } from "../forms/serverErrors";
import { useI18n } from "../i18n";

export function CustomerRegisterPage() {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ message: string; unplaced: FieldError[] } | null>(null);
  const type: CustomerType = Form.useWatch("type", form) ?? "individual";
  const identityType: IdentityType = Form.useWatch("identity_type", form) ?? "resident_id";

  async function onFinish(values: RegisterValues) {
    setSaving(true);
    setFailure(null);
    try {
      const customer = await api.post<Customer>("/v1/customers", buildNewCustomer(values));
      message.success(t("cust.registered", { name: customer.name }));
      navigate(`/customers/${encodeURIComponent(customer.id)}`);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const errors = error.fieldErrors.map((e) => ({ ...e, field: customerErrorField(e) }));
        const { unplaced } = showFieldErrors(form, errors, locale);
        setFailure({ message: unplaced.length === 0 ? t("valid.fixErrors") : errorMessage(error, locale), unplaced });
      } else {
        setFailure({ message: errorMessage(error, locale), unplaced: [] });
      }
    } finally {
      setSaving(false);
    }
  }

  const required = (label: string) => ({ required: true, whitespace: true, message: t("valid.required", { field: label }) });
  return (
    <>
      <PageHeader
        title={t("cust.registerTitle")}
        subtitle={t("cust.registerSubtitle")}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/customers")}>
            {t("pf.cancel")}
          </Button>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16} xxl={14}>
          {failure && (
            <Alert
              type="error"
              showIcon
              className="result-alert"
              data-testid="customer-error"
              title={failure.message}
              description={
                failure.unplaced.length > 0 ? (
                  <ul className="error-list">
                    {failure.unplaced.map((e) => (
                      <li key={e.field + e.message}>{fieldMessage(e.message, locale, e.type)}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          <Card variant="borderless" className="form-card">
            <Form<RegisterValues>
              form={form}
              layout="vertical"
              initialValues={INITIAL}
              onFinish={onFinish}
              validateTrigger={["onBlur", "onSubmit"]}
              scrollToFirstError
              data-testid="customer-form"
            >
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="type" label={t("cust.f.type")}>
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      options={(["individual", "enterprise"] as const).map((v) => ({
                        value: v,
                        label: <span data-testid={`customer-type-${v}`}>{t(`cust.type.${v}`)}</span>,
                      }))}
                      onChange={(e) => {
                        const next = e.target.value as CustomerType;
                        form.setFieldsValue({ identity_type: IDENTITY_TYPES[next][0], is_core_enterprise: false });
                        form.setFields([{ name: "identity_number", errors: [] }]);
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item
                    name="name"
                    label={t(type === "enterprise" ? "cust.f.enterpriseName" : "cust.f.name")}
                    rules={[required(t(type === "enterprise" ? "cust.f.enterpriseName" : "cust.f.name")), { max: 200 }]}
                  >
                    <Input maxLength={200} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={10}>
                  <Form.Item name="identity_type" label={t("cust.f.identityType")}>
                    <Select
                      options={IDENTITY_TYPES[type].map((v) => ({ value: v, label: t(`cust.idType.${v}`) }))}
                      onChange={() => form.setFields([{ name: "identity_number", errors: [] }])}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={14}>
                  <Form.Item
                    name="identity_number"
                    label={t("cust.f.identityNumber")}
                    required
                    extra={t(`cust.idHint.${identityType}`)}
                    rules={[
                      {
                        validator: (_, v: string | undefined) => {
                          const problem = identityProblem(identityType, v);
                          return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
                        },
                      },
                    ]}
                  >
                    <Input maxLength={40} autoComplete="off" className="identity-input" prefix={<LockOutlined className="muted" />} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Alert type="info" showIcon className="privacy-note" title={t("cust.privacy")} />
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={["contact", "phone"]}
                    label={t("cust.f.phone")}
                    rules={[{ pattern: /^\+?[0-9 -]{6,20}$/, message: t("cust.valid.phone") }]}
                  >
                    <Input maxLength={20} inputMode="tel" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={["contact", "email"]}
                    label={t("cust.f.email")}
                    rules={[{ pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, message: t("cust.valid.email") }]}
                  >
                    <Input maxLength={200} inputMode="email" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name={["contact", "address"]} label={t("cust.f.address")}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item
                    name="industry"
                    label={t("cust.f.industry")}
                    extra={t("cust.industryHint")}
                    normalize={(v: string) => v.toUpperCase()}
                    rules={[{ pattern: /^[A-T](\d{2,4})?$/, message: t("cust.valid.industry") }]}
                  >
                    <Input maxLength={5} placeholder="C36" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item
                    name="region"
                    label={t("cust.f.region")}
                    extra={t("cust.regionHint")}
                    rules={[{ pattern: /^\d{6}$/, message: t("cust.valid.region") }]}
                  >
                    <Input maxLength={6} inputMode="numeric" placeholder="310000" />
                  </Form.Item>
                </Col>
                {type === "individual" ? (
                  <Col xs={24} sm={8}>
                    <Form.Item
                      name="annual_income"
                      label={t("cust.f.annualIncome")}
                      rules={[
                        {
                          validator: (_, v: string | undefined) => {
                            const problem = checkAmount(v, "CNY", { required: false });
                            if (!problem) return Promise.resolve();
                            const { key, ...vars } = problem;
                            return Promise.reject(new Error(t(key, vars)));
                          },
                        },
                      ]}
                    >
                      <Input inputMode="decimal" suffix={<span className="input-unit">CNY</span>} className="num-input" />
                    </Form.Item>
                  </Col>
                ) : (
                  <>
                    <Col xs={12} sm={8}>
                      <Form.Item name="established_on" label={t("cust.f.establishedOn")}>
                        <DatePicker style={{ width: "100%" }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item name="is_core_enterprise" label={t("cust.f.core")} valuePropName="checked" extra={t("cust.coreHint")}>
                        <Switch />
                      </Form.Item>
                    </Col>
                  </>
                )}
              </Row>
              <Space className="form-actions">
                <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={saving} data-testid="customer-submit">
                  {t("cust.submit")}
                </Button>
                <Button onClick={() => navigate("/customers")}>{t("pf.cancel")}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
