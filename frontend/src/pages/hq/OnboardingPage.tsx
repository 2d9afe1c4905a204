/** A group admin onboards a new subsidiary into the group (`POST /v1/tenants`) with its first admin. */
import { CopyOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Radio, Result, Row, Select, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";

import { ApiError, errorMessage } from "../../api/errors";
import type { FieldError, Tenant } from "../../api/types";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { showFieldErrors } from "../../forms/serverErrors";
import { localizedName, useI18n, type MessageKey } from "../../i18n";

const KINDS = ["lending", "leasing", "factoring", "guarantee"] as const;
const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

interface OnboardForm {
  id: string;
  kind: (typeof KINDS)[number];
  name: { "zh-CN": string; "en-US": string };
  currency: string;
  timezone: string;
  isolation: "pool" | "silo";
  unified_social_credit_code?: string;
  admin: { username: string; email?: string };
}

interface Onboarded {
  tenant: Tenant;
  admin_username: string;
  admin_temporary_password: string | null;
}

export function OnboardingPage() {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OnboardForm>();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<Onboarded | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: OnboardForm) => {
    setSaving(true);
    setUnplaced([]);
    setFailure(null);
    const body = {
      ...values,
      group: me?.tenant_id,
      unified_social_credit_code: values.unified_social_credit_code?.trim() || undefined,
      admin: { username: values.admin.username.trim(), ...(values.admin.email?.trim() ? { email: values.admin.email.trim() } : {}) },
    };
    try {
      setDone(await api.post<Onboarded>("/v1/tenants", body));
      message.success(t("hq.onb.done"));
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) {
        const { unplaced: rest, first } = showFieldErrors(form, e.fieldErrors, locale);
        setUnplaced(rest);
        if (first) form.scrollToField(first, { block: "center", focus: true });
      } else if (e instanceof ApiError && e.code === "tenancy.tenant.exists") {
        form.setFields([{ name: "id", errors: [errorMessage(e, locale)] }]);
      } else if (e instanceof ApiError && e.code === "tenancy.user.exists") {
        form.setFields([{ name: ["admin", "username"], errors: [errorMessage(e, locale)] }]);
      } else {
        setFailure(errorMessage(e, locale));
      }
    } finally {
      setSaving(false);
    }
  };

  if (done) {
    return (
      <>
        <PageHeader title={t("hq.onb.title")} subtitle={t("hq.onb.subtitle")} />
        <Card variant="borderless">
          <Result
            status="success"
            title={<span data-testid="onboard-done">{t("hq.onb.doneTitle", { name: localizedName(done.tenant.name, locale) })}</span>}
            subTitle={t("hq.onb.doneHint")}
            extra={[
              <Button key="again" type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setDone(null); }}>{t("hq.onb.another")}</Button>,
              <Link key="list" to="/tenants">{t("hq.onb.toTenants")}</Link>,
            ]}
          >
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t("hq.onb.id")}><Typography.Text code data-testid="onboard-tenant-id">{done.tenant.id}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t("hq.onb.group")}>{done.tenant.group}</Descriptions.Item>
              <Descriptions.Item label={t("hq.onb.adminUsername")}>{done.admin_username}</Descriptions.Item>
              {done.admin_temporary_password && (
                <Descriptions.Item label={t("hq.onb.tempPassword")}>
                  <Typography.Text code copyable={{ icon: <CopyOutlined />, text: done.admin_temporary_password }} data-testid="onboard-temp-password">
                    {done.admin_temporary_password}
                  </Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Result>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("hq.onb.title")} subtitle={t("hq.onb.subtitle")} />
      <Card variant="borderless" className="form-card">
        {failure && <Alert type="error" showIcon className="hq-alert" title={failure} data-testid="onboard-error" />}
        {unplaced.length > 0 && (
          <Alert type="error" showIcon className="hq-alert" title={<ul className="error-list">{unplaced.map((e, i) => <li key={i}>{e.field}: {e.message}</li>)}</ul>} />
        )}
        <Form<OnboardForm>
          form={form}
          name="onboarding"
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: "lending", currency: "CNY", timezone: "Asia/Shanghai", isolation: "pool" }}
          scrollToFirstError={{ block: "center", focus: true }}
        >
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="id" label={t("hq.onb.id")} extra={t("hq.onb.idHint")}
                rules={[{ required: true, message: t("hq.v.required") }, { pattern: TENANT_ID, message: t("hq.v.subsidiaryId") }]}>
                <Input placeholder="demo-guarantee" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t("hq.onb.kind")} rules={[{ required: true, message: t("hq.v.required") }]}>
                <Select options={KINDS.map((k) => ({ value: k, label: t(`tenantKind.${k}` as MessageKey) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={["name", "zh-CN"]} label={t("hq.onb.nameZh")} rules={[{ required: true, whitespace: true, message: t("hq.v.required") }, { max: 200 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={["name", "en-US"]} label={t("hq.onb.nameEn")} rules={[{ required: true, whitespace: true, message: t("hq.v.required") }, { max: 200 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="currency" label={t("hq.onb.currency")} rules={[{ required: true, message: t("hq.v.required") }, { pattern: /^[A-Z]{3}$/, message: t("hq.onb.currencyHint") }]}>
                <Input maxLength={3} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="timezone" label={t("hq.onb.timezone")} rules={[{ required: true, message: t("hq.v.required") }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="isolation" label={t("hq.onb.isolation")}>
                <Radio.Group options={[{ value: "pool", label: t("tenants.isolation.pool") }, { value: "silo", label: t("tenants.isolation.silo") }]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="unified_social_credit_code" label={t("hq.onb.uscc")}>
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t("hq.onb.admin")}</Typography.Title>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name={["admin", "username"]} label={t("hq.onb.adminUsername")} extra={t("hq.onb.adminHint")}
                rules={[{ required: true, message: t("hq.v.required") }, { pattern: /^[\w.+@-]{3,128}$/, message: t("hq.onb.usernameHint") }]}>
                <Input placeholder="tenant-admin@demo-guarantee" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={["admin", "email"]} label={t("hq.onb.adminEmail")} rules={[{ type: "email", message: t("hq.onb.emailHint") }]}>
                <Input type="email" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <div className="form-actions">
            <Button type="primary" htmlType="submit" loading={saving} icon={<PlusOutlined />} data-testid="onboard-submit">
              {t("hq.onb.submit")}
            </Button>
          </div>
        </Form>
      </Card>
    </>
  );
}
