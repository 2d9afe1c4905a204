/** A loan officer opens a draft: an active product, a customer, the terms (product defaults first). */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";

import { ApiError, errorMessage } from "../api/errors";
import type { Page } from "../api/types";
import { useResource } from "../api/useResource";
import { buildOpenApplication, isAmount, productDefaults, type NewApplicationValues } from "../applications/newApplication";
import type { ApplicationDetails } from "../applications/types";
import { useAuth } from "../auth/AuthProvider";
import { PageHeader } from "../components/PageHeader";
import { ErrorState } from "../components/States";
import type { Customer } from "../customers/types";
import { showFieldErrors } from "../forms/serverErrors";
import { localizedName, useI18n } from "../i18n";
import type { ProductSummary, VersionDetails } from "../products/types";

export function ApplicationNewPage() {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewApplicationValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Lease and factoring applications need assets or invoices: this form opens loans.
  const products = useResource<Page<ProductSummary>>("/v1/products?status=active&kind=loan&limit=200");
  const customers = useResource<Page<Customer>>("/v1/customers?limit=200");

  async function choose(code: string) {
    const product = products.data?.items.find((p) => p.code === code);
    if (!product?.active_version) return;
    try {
      const version = await api.get<VersionDetails>(
        `/v1/products/${encodeURIComponent(code)}/versions/${product.active_version}`,
      );
      form.setFieldsValue({ terms: productDefaults(version.definition) });
    } catch (error) {
      setFailure(errorMessage(error, locale));
    }
  }

  async function submit(values: NewApplicationValues) {
    setSaving(true);
    setFailure(null);
    try {
      const created = await api.post<ApplicationDetails>("/v1/applications", buildOpenApplication(values));
      message.success(t("appl.created"));
      navigate(`/applications/${encodeURIComponent(created.id)}`);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const { unplaced } = showFieldErrors(form, error.fieldErrors, locale);
        setFailure(unplaced.length === 0 ? t("valid.fixErrors") : errorMessage(error, locale));
      } else {
        setFailure(errorMessage(error, locale));
      }
    } finally {
      setSaving(false);
    }
  }

  const loadError = products.error ?? customers.error;
  return (
    <>
      <PageHeader
        title={t("appl.newTitle")}
        subtitle={t("appl.newSubtitle")}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/applications")}>
            {t("appl.form.cancel")}
          </Button>
        }
      />
      {loadError ? (
        <ErrorState error={loadError} onRetry={() => { products.reload(); customers.reload(); }} />
      ) : (
        <Card variant="borderless" style={{ maxWidth: 720 }}>
          <Form<NewApplicationValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ terms: {} }}
            data-testid="application-form"
          >
            <Form.Item name="product_code" label={t("appl.form.product")} rules={[{ required: true, message: t("appl.form.productRequired") }]}>
              <Select
                id="product_code"
                loading={products.loading}
                showSearch={{ optionFilterProp: "label" }}
                onChange={(code: string) => void choose(code)}
                options={(products.data?.items ?? []).map((p) => ({
                  value: p.code,
                  label: `${localizedName(p.name, locale)} (${p.code})`,
                }))}
              />
            </Form.Item>
            <Form.Item name="customer_id" label={t("appl.form.customer")} rules={[{ required: true, message: t("appl.form.customerRequired") }]}>
              <Select
                id="customer_id"
                loading={customers.loading}
                showSearch={{ optionFilterProp: "label" }}
                options={(customers.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.name} · ${c.identity_masked}`,
                }))}
              />
            </Form.Item>
            <Space wrap size="large" align="start">
              <Form.Item
                name={["terms", "principal"]}
                label={t("appl.form.principal")}
                rules={[
                  { required: true, message: t("appl.form.principalRequired") },
                  {
                    validator: (_, v: string | undefined) =>
                      !v || isAmount(v) ? Promise.resolve() : Promise.reject(new Error(t("appl.form.principalInvalid"))),
                  },
                ]}
              >
                <Input id="principal" inputMode="decimal" style={{ width: 220 }} />
              </Form.Item>
              <Form.Item
                name={["terms", "term"]}
                label={t("appl.form.term")}
                rules={[{ type: "integer", min: 1, message: t("appl.form.termInvalid") }]}
              >
                <InputNumber id="term" min={1} precision={0} style={{ width: 140 }} />
              </Form.Item>
            </Space>
            {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="application-error" />}
            <Button type="primary" htmlType="submit" loading={saving} data-testid="application-create">
              {t("appl.form.submit")}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
