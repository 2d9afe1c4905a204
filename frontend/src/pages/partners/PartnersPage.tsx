/**
 * Partner applications for the tenant admin: register one (name, scopes, IP allowlist, rate tier),
 * see each one's calls in the last 24 hours, rotate its credentials, revoke it. The client secret
 * appears in a dialog once — after registering or rotating — and never again.
 */
import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";

import { ApiError, errorMessage } from "../../api/errors";
import { useCursorPages } from "../../api/useCursorPages";
import { useAuth } from "../../auth/AuthProvider";
import { CursorTable } from "../../components/CursorTable";
import { PageHeader } from "../../components/PageHeader";
import { showFieldErrors } from "../../forms/serverErrors";
import { lookup, useI18n, type MessageKey } from "../../i18n";
import "../../system/system.css";

export const PARTNER_SCOPES = [
  "quotes:write", "customers:write", "applications:write", "applications:read", "repayments:write", "webhooks:manage",
] as const;
const TIERS = ["sandbox", "standard", "premium"] as const;

export interface PartnerApplication {
  id: string;
  name: string;
  client_id: string;
  scopes: string[];
  ip_allowlist: string[];
  rate_tier: string;
  status: "active" | "revoked";
  created_at: string;
  calls_last_24h?: number | null;
}

interface Issued {
  application: PartnerApplication;
  client_id: string;
  client_secret: string;
}

export function PartnersPage() {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const list = useCursorPages<PartnerApplication>("/v1/partner-applications?limit=50");
  const [registering, setRegistering] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);

  async function act(app: PartnerApplication, action: "rotate" | "revoke") {
    try {
      const answer = await api.post<Issued | PartnerApplication>(
        `/v1/partner-applications/${encodeURIComponent(app.id)}/${action}`, {});
      if (action === "rotate") setIssued(answer as Issued);
      else message.success(t("pa.revoked", { name: app.name }));
      list.reload();
    } catch (error) {
      message.error(errorMessage(error, locale));
    }
  }

  const columns: TableColumnsType<PartnerApplication> = [
    {
      title: t("pa.col.name"),
      dataIndex: "name",
      render: (name: string, a) => (
        <div>
          <div data-testid={`pa-name-${a.id}`}>{name}</div>
          <Typography.Text type="secondary" className="sys-code">{a.client_id}</Typography.Text>
        </div>
      ),
    },
    {
      title: t("pa.col.scopes"),
      dataIndex: "scopes",
      responsive: ["md"],
      render: (scopes: string[]) => (
        <span className="tag-list">
          {scopes.map((s) => <Tag key={s} variant="outlined">{lookup(locale, `pa.scope.${s}`) ?? s}</Tag>)}
        </span>
      ),
    },
    { title: t("pa.col.tier"), dataIndex: "rate_tier", width: 110, responsive: ["lg"],
      render: (tier: string) => lookup(locale, `pa.tier.${tier}`) ?? tier },
    { title: t("pa.col.calls"), dataIndex: "calls_last_24h", width: 110, className: "num",
      render: (n: number | null | undefined, a) => <span data-testid={`pa-calls-${a.id}`}>{n ?? 0}</span> },
    {
      title: t("pa.col.status"),
      dataIndex: "status",
      width: 90,
      render: (s: string, a) => (
        <Tag color={s === "active" ? "green" : "default"} data-testid={`pa-status-${a.id}`} data-status={s}>
          {lookup(locale, `pa.status.${s}`) ?? s}
        </Tag>
      ),
    },
    {
      title: t("pa.col.actions"),
      key: "actions",
      width: 170,
      render: (_, a) =>
        a.status === "active" && (
          <Space size="small">
            <Popconfirm title={t("pa.rotateConfirm", { name: a.name })} okText={t("pa.rotate")} cancelText={t("sys.cancel")}
              onConfirm={() => act(a, "rotate")}>
              <Button size="small" data-testid={`pa-rotate-${a.id}`}>{t("pa.rotate")}</Button>
            </Popconfirm>
            <Popconfirm title={t("pa.revokeConfirm", { name: a.name })} okText={t("pa.revoke")} okButtonProps={{ danger: true }}
              cancelText={t("sys.cancel")} onConfirm={() => act(a, "revoke")}>
              <Button size="small" danger data-testid={`pa-revoke-${a.id}`}>{t("pa.revoke")}</Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t("nav.partners")} subtitle={t("pa.subtitle")} />
      <Card variant="borderless">
        <div className="sys-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="pa-new">
            {t("pa.new")}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("sys.refresh")} />
        </div>
        <CursorTable<PartnerApplication>
          list={list}
          empty={t("pa.empty")}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 640 }}
          data-testid="pa-table"
        />
      </Card>
      {registering && (
        <RegisterDialog
          onClose={() => setRegistering(false)}
          onRegistered={(answer) => {
            setRegistering(false);
            setIssued(answer);
            list.reload();
          }}
        />
      )}
      {issued && <CredentialsDialog issued={issued} onClose={() => setIssued(null)} />}
    </>
  );
}

interface Values {
  name: string;
  scopes: string[];
  ip_allowlist?: string;
  rate_tier: string;
}

function RegisterDialog({ onClose, onRegistered }: { onClose: () => void; onRegistered: (i: Issued) => void }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields say what is wrong
    }
    setBusy(true);
    setFailure(null);
    try {
      const ips = (values.ip_allowlist ?? "").split(/\s+/).map((s) => s.trim()).filter(Boolean);
      onRegistered(await api.post<Issued>("/v1/partner-applications", {
        name: values.name.trim(), scopes: values.scopes, ip_allowlist: ips, rate_tier: values.rate_tier,
      }));
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const { unplaced } = showFieldErrors(form, error.fieldErrors, locale);
        setFailure(unplaced.length === 0 ? t("valid.fixErrors") : errorMessage(error, locale));
      } else {
        setFailure(errorMessage(error, locale));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t("pa.form.title")} okText={t("pa.form.submit")} okButtonProps={{ loading: busy, id: "pa-submit" }}
      cancelText={t("sys.cancel")} onOk={submit} onCancel={onClose} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="pa-error" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ scopes: [], rate_tier: "sandbox" }} data-testid="pa-form">
        <Form.Item name="name" label={t("pa.form.name")} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input autoFocus maxLength={100} data-testid="pa-name" />
        </Form.Item>
        <Form.Item name="scopes" label={t("pa.form.scopes")}
          rules={[{ required: true, type: "array", min: 1, message: t("pa.form.scopesRequired") }]}>
          <Checkbox.Group
            style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))", gap: 6 }}
            options={PARTNER_SCOPES.map((s) => ({
              value: s,
              label: <span data-testid={`pa-scope-${s}`}>{t(`pa.scope.${s}` as MessageKey)} <code>{s}</code></span>,
            }))}
          />
        </Form.Item>
        <Form.Item name="ip_allowlist" label={t("pa.form.ips")} extra={t("pa.form.ipsHint")}>
          <Input.TextArea rows={2} data-testid="pa-ips" />
        </Form.Item>
        <Form.Item name="rate_tier" label={t("pa.form.tier")}>
          <Select options={TIERS.map((tier) => ({ value: tier, label: t(`pa.tier.${tier}` as MessageKey) }))} />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function CredentialsDialog({ issued, onClose }: { issued: Issued; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open title={t("pa.secret.title")} closable={false} mask={{ closable: false }} keyboard={false} destroyOnHidden
      footer={<Button type="primary" onClick={onClose} data-testid="pa-secret-done">{t("pa.secret.done")}</Button>}>
      <Alert type="warning" showIcon title={t("pa.secret.warning")} style={{ marginBottom: 12 }} />
      <Typography.Text type="secondary">{t("pa.secret.clientId")}</Typography.Text>
      <Typography.Paragraph className="sys-secret" copyable data-testid="pa-client-id">{issued.client_id}</Typography.Paragraph>
      <Typography.Text type="secondary">{t("pa.secret.secret")}</Typography.Text>
      <Typography.Paragraph className="sys-secret" copyable data-testid="pa-secret">{issued.client_secret}</Typography.Paragraph>
    </Modal>
  );
}
