/**
 * A loan officer opens a draft: an active product of any kind, a customer, the terms (product
 * defaults first) — and a lease's assets or the invoices a factoring application assigns.
 */
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Divider, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";

import { ApiError, errorMessage } from "../api/errors";
import type { Page } from "../api/types";
import { useResource } from "../api/useResource";
import {
  allowedFrequencies, buildOpenApplication, isAmount, isPercent, productDefaults, type NewApplicationValues,
} from "../applications/newApplication";
import type { ApplicationDetails } from "../applications/types";
import { useAuth } from "../auth/AuthProvider";
import { PageHeader } from "../components/PageHeader";
import { ErrorState } from "../components/States";
import type { Customer } from "../customers/types";
import { showFieldErrors } from "../forms/serverErrors";
import { localizedName, lookup, useI18n } from "../i18n";
import type { ProductKind, ProductSummary, VersionDetails } from "../products/types";
import { FacilityPicker } from "./facilities/FacilityPicker";

export function ApplicationNewPage() {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewApplicationValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const products = useResource<Page<ProductSummary>>("/v1/products?status=active&limit=200");
  const customers = useResource<Page<Customer>>("/v1/customers?limit=200");
  const [kind, setKind] = useState<ProductKind>("loan");
  const [frequencies, setFrequencies] = useState<string[]>([]);

  async function choose(code: string) {
    const product = products.data?.items.find((p) => p.code === code);
    if (!product?.active_version) return;
    setKind(product.kind);
    try {
      const version = await api.get<VersionDetails>(
        `/v1/products/${encodeURIComponent(code)}/versions/${product.active_version}`,
      );
      setFrequencies(allowedFrequencies(version.definition));
      form.setFieldsValue({
        terms: productDefaults(version.definition),
        ...(product.kind === "lease" && !form.getFieldValue("assets")?.length ? { assets: [{ quantity: 1 }] } : {}),
        ...(product.kind === "factoring" && !form.getFieldValue("invoices")?.length ? { invoices: [{}] } : {}),
      });
    } catch (error) {
      setFailure(errorMessage(error, locale));
    }
  }

  async function submit(values: NewApplicationValues) {
    setSaving(true);
    setFailure(null);
    try {
      const created = await api.post<ApplicationDetails>("/v1/applications", buildOpenApplication(values, kind));
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
  const enterprises = (customers.data?.items ?? []).filter((c) => c.type === "enterprise");
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
            <Form.Item noStyle dependencies={["customer_id"]}>
              {({ getFieldValue }) => <FacilityPicker customerId={getFieldValue("customer_id") as string | undefined} />}
            </Form.Item>
            {kind !== "factoring" && (
              <Space wrap size="large" align="start">
                <Form.Item
                  name={["terms", "principal"]}
                  label={t(kind === "lease" ? "appl.form.financed" : "appl.form.principal")}
                  rules={[
                    { required: true, message: t("appl.form.principalRequired") },
                    { validator: (_, v: string | undefined) => amountRule(v, t("appl.form.principalInvalid")) },
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
                {kind === "lease" && frequencies.length > 0 && (
                  <Form.Item name={["terms", "frequency"]} label={t("appl.form.frequency")}>
                    <Select id="frequency" style={{ width: 160 }}
                            options={frequencies.map((f) => ({ value: f, label: lookup(locale, `calc.freq.${f}`) ?? f }))} />
                  </Form.Item>
                )}
              </Space>
            )}
            {kind === "factoring" && (
              <Form.Item
                name={["terms", "advance_rate_percent"]}
                label={t("appl.form.advanceRate")}
                rules={[{ validator: (_, v: string | undefined) => (!v || isPercent(v) ? Promise.resolve() : Promise.reject(new Error(t("appl.form.percentInvalid")))) }]}
              >
                <Input id="advance_rate" inputMode="decimal" suffix="%" style={{ width: 160 }} />
              </Form.Item>
            )}
            {kind === "lease" && <AssetsFields />}
            {kind === "factoring" && <InvoicesFields debtors={enterprises} />}
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

function amountRule(value: string | undefined, message: string): Promise<void> {
  return !value || isAmount(value) ? Promise.resolve() : Promise.reject(new Error(message));
}

/** A lease's assets: what is leased, from whom, at what price. */
function AssetsFields() {
  const { t } = useI18n();
  return (
    <Form.List name="assets" rules={[{ validator: (_, v: unknown[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t("appl.form.assetsRequired")))) }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          <Divider titlePlacement="start" plain>{t("appl.form.assets")}</Divider>
          {fields.map((field, index) => (
            <Space key={field.key} wrap align="start" className="form-list-row" data-testid={`asset-${index}`}>
              <Form.Item name={[field.name, "description"]} label={t("appl.form.assetDescription")}
                         rules={[{ required: true, whitespace: true, message: t("appl.form.fieldRequired") }]}>
                <Input id={`asset-${index}-description`} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name={[field.name, "supplier"]} label={t("appl.form.assetSupplier")}
                         rules={[{ required: true, whitespace: true, message: t("appl.form.fieldRequired") }]}>
                <Input id={`asset-${index}-supplier`} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name={[field.name, "price"]} label={t("appl.form.assetPrice")}
                         rules={[{ required: true, message: t("appl.form.fieldRequired") },
                                 { validator: (_, v: string | undefined) => amountRule(v, t("appl.form.principalInvalid")) }]}>
                <Input id={`asset-${index}-price`} inputMode="decimal" style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name={[field.name, "serial"]} label={t("appl.form.assetSerial")}>
                <Input id={`asset-${index}-serial`} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[field.name, "quantity"]} label={t("appl.form.assetQuantity")}>
                <InputNumber id={`asset-${index}-quantity`} min={1} precision={0} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item label=" ">
                <Button icon={<DeleteOutlined />} aria-label={t("appl.form.remove")} onClick={() => remove(field.name)} disabled={fields.length === 1} />
              </Form.Item>
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} style={{ marginBottom: 24 }} data-testid="asset-add">
            {t("appl.form.addAsset")}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The invoices a factoring application assigns: each against a debtor (an enterprise customer). */
function InvoicesFields({ debtors }: { debtors: Customer[] }) {
  const { t } = useI18n();
  return (
    <Form.List name="invoices" rules={[{ validator: (_, v: unknown[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t("appl.form.invoicesRequired")))) }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          <Divider titlePlacement="start" plain>{t("appl.form.invoices")}</Divider>
          <Typography.Paragraph type="secondary">{t("appl.form.invoicesHint")}</Typography.Paragraph>
          {fields.map((field, index) => (
            <Space key={field.key} wrap align="start" className="form-list-row" data-testid={`invoice-${index}`}>
              <Form.Item name={[field.name, "number"]} label={t("appl.form.invoiceNumber")}
                         rules={[{ required: true, whitespace: true, message: t("appl.form.fieldRequired") }]}>
                <Input id={`invoice-${index}-number`} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name={[field.name, "debtor_customer_id"]} label={t("appl.form.invoiceDebtor")}
                         rules={[{ required: true, message: t("appl.form.fieldRequired") }]}>
                <Select id={`invoice-${index}-debtor`} style={{ width: 240 }} showSearch={{ optionFilterProp: "label" }}
                        options={debtors.map((c) => ({ value: c.id, label: c.name }))} />
              </Form.Item>
              <Form.Item name={[field.name, "face_amount"]} label={t("appl.form.invoiceAmount")}
                         rules={[{ required: true, message: t("appl.form.fieldRequired") },
                                 { validator: (_, v: string | undefined) => amountRule(v, t("appl.form.principalInvalid")) }]}>
                <Input id={`invoice-${index}-amount`} inputMode="decimal" style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name={[field.name, "issue_date"]} label={t("appl.form.invoiceIssued")}
                         rules={[{ required: true, message: t("appl.form.fieldRequired") }]}>
                <DatePicker id={`invoice-${index}-issued`} />
              </Form.Item>
              <Form.Item name={[field.name, "due_date"]} label={t("appl.form.invoiceDue")} dependencies={[["invoices", field.name, "issue_date"]]}
                         rules={[{ required: true, message: t("appl.form.fieldRequired") },
                                 ({ getFieldValue }) => ({
                                   validator: (_, v: { isBefore(d: unknown, unit: string): boolean } | undefined) => {
                                     const issued = getFieldValue(["invoices", field.name, "issue_date"]);
                                     return v && issued && v.isBefore(issued, "day")
                                       ? Promise.reject(new Error(t("appl.form.dueBeforeIssue")))
                                       : Promise.resolve();
                                   },
                                 })]}>
                <DatePicker id={`invoice-${index}-due`} />
              </Form.Item>
              <Form.Item label=" ">
                <Button icon={<DeleteOutlined />} aria-label={t("appl.form.remove")} onClick={() => remove(field.name)} disabled={fields.length === 1} />
              </Form.Item>
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 24 }} data-testid="invoice-add">
            {t("appl.form.addInvoice")}
          </Button>
        </>
      )}
    </Form.List>
  );
}
