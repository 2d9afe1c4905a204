/**
 * Customer 360: profile, verification (with evidence), consent, grades, applications, contracts,
 * repayments by channel, sister relationships and one timeline. The API leaves out what the caller's
 * role may not see; the page says which sections were withheld.
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select, Space, Table, Tag, Timeline,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";

import { errorMessage } from "../../api/errors";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { VerificationTag } from "../../customers/labels";
import { useI18n, type MessageKey } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { useBusinessDate } from "../../system/BusinessDateProvider";
import type { Customer360 } from "./api";

const RECORDERS = ["loan-officer", "first-reviewer", "tenant-admin"];
const CONSENTERS = ["loan-officer", "tenant-admin"];
const OVERRIDE_MAKERS = ["tenant-admin", "product-manager", "loan-officer"];
const OVERRIDE_CHECKERS = ["tenant-admin", "product-manager"];

type Dialog = null | "evidence" | "consent" | "override" | "revoke";

export function Customer360Page() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const { api, me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { current } = useBusinessDate();
  const today = current ? dayjs(current.business_date) : undefined;
  const view = useResource<Customer360>(`/v1/customers/${encodeURIComponent(id)}/360`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [form] = Form.useForm();
  const roles = me?.roles ?? [];
  const may = (allowed: string[]) => allowed.some((r) => roles.includes(r as never));

  if (view.error !== null) return <ErrorState error={view.error} onRetry={view.reload} />;
  const c = view.data?.profile.customer_id === id ? view.data : null;
  if (!c) return <LoadingState />;

  const act = async (path: string, body: unknown, done: MessageKey) => {
    try {
      await api.post(`/v1/customers/${encodeURIComponent(id)}${path}`, body);
      message.success(t(done));
      setDialog(null);
      form.resetFields();
      view.reload();
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  };

  const submitDialog = async () => {
    const v = await form.validateFields();
    if (dialog === "evidence") await act("/verification/evidence", v, "c360.saved");
    if (dialog === "consent")
      await act("/consents", { ...v, given_on: v.given_on.format("YYYY-MM-DD") }, "c360.saved");
    if (dialog === "override")
      await act("/grade-overrides", { ...v, expires_on: v.expires_on.format("YYYY-MM-DD") }, "c360.saved");
    if (dialog === "revoke" && revoking)
      await act(`/verification/evidence/${encodeURIComponent(revoking)}/revoke`, v, "c360.saved");
  };

  const hidden = c.redacted.length > 0;
  return (
    <>
      <PageHeader
        title={c.profile.name}
        subtitle={`${c.profile.customer_id} · ${c.profile.identity_masked}`}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/customers/${encodeURIComponent(id)}`)}>
            {t("c360.back")}
          </Button>
        }
      />
      {hidden && (
        <Alert
          type="info"
          showIcon
          className="section-gap"
          data-testid="c360-redacted"
          message={t("c360.redacted", { fields: c.redacted.map((f) => t(`c360.field.${f}` as MessageKey)).join(", ") })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t("c360.profile")} data-testid="c360-profile">
            <Descriptions size="small" column={1} items={[
              { key: "type", label: t("cust.f.type"), children: t(`cust.type.${c.profile.type}` as MessageKey) },
              { key: "phone", label: t("cust.f.phone"), children: c.profile.contact?.phone ?? "—" },
              ...(c.profile.annual_income !== undefined
                ? [{ key: "income", label: t("cust.f.annualIncome"),
                     children: <span data-testid="c360-income">{c.profile.annual_income ? formatMoney(c.profile.annual_income) : "—"}</span> }]
                : []),
              { key: "industry", label: t("cust.f.industry"), children: c.profile.industry ?? "—" },
              { key: "region", label: t("cust.f.region"), children: c.profile.region ?? "—" },
            ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            variant="borderless"
            title={t("c360.verification")}
            extra={may(RECORDERS) && <Button size="small" onClick={() => setDialog("evidence")}>{t("c360.recordEvidence")}</Button>}
          >
            <Space direction="vertical" style={{ width: "100%" }}>
              <Space>
                <VerificationTag level={c.verification.level} />
                {c.verification.next_level && (
                  <Typography.Text type="secondary">
                    {t("c360.nextNeeds", { level: t(`cust.level.${c.verification.next_level}`),
                                           needs: c.verification.next_level_needs.map((k) => t(`c360.evidence.${k}` as MessageKey)).join(", ") })}
                  </Typography.Text>
                )}
              </Space>
              {c.verification.evidence && (
                <Table size="small" pagination={false} rowKey="evidence_id" dataSource={c.verification.evidence}
                  columns={[
                    { title: t("c360.kind"), dataIndex: "kind", render: (k: string) => t(`c360.evidence.${k}` as MessageKey) },
                    { title: t("c360.reference"), dataIndex: "reference" },
                    { title: t("c360.by"), dataIndex: "recorded_by" },
                    { title: t("c360.on"), dataIndex: "recorded_on" },
                    { title: "", render: (_, e) => (e.revoked
                      ? <Tag data-testid="evidence-revoked">{t("c360.revokedTag")}: {e.revoked.reason}</Tag>
                      : may(RECORDERS) && <Button size="small" danger onClick={() => { setRevoking(e.evidence_id); setDialog("revoke"); }}>{t("c360.revoke")}</Button>) },
                  ]} />
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t("c360.grades")} data-testid="c360-grades"
            extra={c.grades && may(OVERRIDE_MAKERS) && <Button size="small" onClick={() => setDialog("override")}>{t("c360.requestOverride")}</Button>}>
            {c.grades === null ? <Typography.Text type="secondary">{t("c360.withheld")}</Typography.Text> : (
              <Space direction="vertical" style={{ width: "100%" }}>
                <Space>
                  <Tag color="gold" data-testid="c360-value-grade">{t("c360.value")}: {c.grades.value_grade ?? "—"}</Tag>
                  <Tag color="blue">{t("c360.activity")}: {c.grades.activity_grade ?? "—"}</Tag>
                  {c.grades.source?.startsWith("override") && <Tag>{t("c360.byOverride")}</Tag>}
                </Space>
                <Table size="small" pagination={false} rowKey="month" dataSource={c.grades.history} columns={[
                  { title: t("c360.month"), dataIndex: "month" },
                  { title: t("c360.value"), render: (_, m) => `${m.value_grade} (${m.value.score})` },
                  { title: t("c360.computed"), dataIndex: "computed_value_grade" },
                  { title: t("c360.activity"), render: (_, m) => `${m.activity_grade} (${m.activity.score})` },
                ]} />
                {c.grades.overrides.map((o) => (
                  <Space key={o.override_id} wrap>
                    <Tag>{o.grade}</Tag>
                    <Typography.Text>{o.reason}</Typography.Text>
                    <Typography.Text type="secondary">{o.requested_by_name} · {t("c360.until", { on: o.expires_on })}</Typography.Text>
                    <Tag color={o.status === "approved" ? "green" : o.status === "pending" ? "orange" : "default"}>{o.status}</Tag>
                    {o.status === "pending" && may(OVERRIDE_CHECKERS) && (
                      <>
                        <Button size="small" type="primary" onClick={() => act(`/grade-overrides/${o.override_id}/approve`, {}, "c360.saved")}>{t("c360.approve")}</Button>
                        <Button size="small" onClick={() => act(`/grade-overrides/${o.override_id}/reject`, {}, "c360.saved")}>{t("c360.reject")}</Button>
                      </>
                    )}
                  </Space>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t("c360.consent")}
            extra={c.consents && may(CONSENTERS) && <Button size="small" onClick={() => setDialog("consent")}>{t("c360.recordConsent")}</Button>}>
            {c.consents === null ? <Typography.Text type="secondary">{t("c360.withheld")}</Typography.Text> : (
              <Space direction="vertical" style={{ width: "100%" }}>
                {c.consents.length === 0 && <Typography.Text type="secondary">{t("c360.noConsent")}</Typography.Text>}
                {c.consents.map((x) => (
                  <Space key={x.consent_id} wrap>
                    {x.scopes.map((s) => <Tag key={s}>{t(`c360.scope.${s}` as MessageKey)}</Tag>)}
                    <Typography.Text type="secondary">{x.given_on} · {x.evidence_kind} {x.evidence_reference}</Typography.Text>
                    <Tag color={x.status === "given" ? "green" : "default"}>{t(`c360.consent.${x.status}`)}</Tag>
                    {x.status === "given" && may(CONSENTERS) && (
                      <Button size="small" danger onClick={() => act(`/consents/${x.consent_id}/withdraw`, {}, "c360.saved")}>{t("c360.withdraw")}</Button>
                    )}
                  </Space>
                ))}
                {c.sister_relationships && c.sister_relationships.length > 0 && (
                  <Typography.Text data-testid="c360-sisters">
                    {t("c360.sisters", { list: c.sister_relationships.map((s) => s.subsidiary_id).join(", ") })}
                  </Typography.Text>
                )}
              </Space>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card variant="borderless" title={t("c360.facilities")}>
            <Table size="small" pagination={false} rowKey="facility_id" dataSource={c.facilities} data-testid="c360-facilities" columns={[
              { title: t("c360.facility"), dataIndex: "facility_id" },
              { title: t("c360.status"), dataIndex: "status", render: (s: string) => <Tag>{s}</Tag> },
              { title: t("c360.facilityAmount"), render: (_, x) => <span className="num">{formatMoney(x.amount)}</span> },
              { title: t("c360.utilized"), render: (_, x) => <span className="num">{formatMoney(x.utilized)}</span> },
              { title: t("c360.blocked"), render: (_, x) => <span className="num">{formatMoney(x.blocked)}</span> },
              { title: t("c360.available"), render: (_, x) => <span className="num">{formatMoney(x.available)}</span> },
              { title: t("c360.validity"), render: (_, x) => `${x.valid_from} – ${x.valid_to}` },
            ]} />
          </Card>
        </Col>
        <Col span={24}>
          <Card variant="borderless" title={t("c360.contracts")}>
            <Table size="small" pagination={false} rowKey="contract_id" dataSource={c.contracts} data-testid="c360-contracts" columns={[
              { title: t("c360.contract"), dataIndex: "contract_id" },
              { title: t("c360.product"), dataIndex: "product_code" },
              { title: t("c360.status"), dataIndex: "status" },
              { title: t("c360.outstandingPrincipal"), render: (_, x) => <span className="num">{formatMoney(x.outstanding_principal)}</span> },
              { title: t("c360.outstanding"), render: (_, x) => <span className="num">{formatMoney(x.outstanding)}</span> },
              { title: t("c360.dpd"), dataIndex: "days_past_due" },
              { title: t("c360.bucket"), dataIndex: "bucket", render: (b: string) => <Tag>{b}</Tag> },
            ]} />
            <Space wrap className="section-gap">
              {c.repayments.by_channel.map((r) => (
                <Tag key={r.channel} color="green">{t("c360.byChannel", { channel: r.channel, count: r.count, amount: formatMoney(r.amount) })}</Tag>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t("c360.applications")}>
            <Table size="small" pagination={false} rowKey="application_id" dataSource={c.applications} columns={[
              { title: t("c360.application"), dataIndex: "application_id" },
              { title: t("c360.product"), dataIndex: "product_code" },
              { title: t("c360.status"), dataIndex: "status" },
              ...(c.applications.some((a) => a.documents !== undefined)
                ? [{ title: t("c360.documents"), render: (_: unknown, a: Customer360["applications"][number]) => a.documents?.length ?? 0 }]
                : []),
            ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t("c360.timeline")}>
            <Timeline items={c.timeline.slice(0, 40).map((e, i) => ({
              key: i,
              children: <><Tag>{t(`c360.event.${e.kind}` as MessageKey)}</Tag> {e.kind === "evidence" ? t(`c360.evidence.${e.summary}` as MessageKey) : e.summary} <Typography.Text type="secondary">{String(e.at).slice(0, 16)}{e.by ? ` · ${e.by}` : ""}</Typography.Text></>,
            }))} />
          </Card>
        </Col>
      </Row>
      <Modal open={dialog !== null} title={dialog ? t(`c360.dialog.${dialog}`) : ""} onOk={submitDialog}
        onCancel={() => { setDialog(null); form.resetFields(); }} okText={t("c360.save")} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === "evidence" && (
            <>
              <Form.Item name="kind" label={t("c360.kind")} rules={[{ required: true }]}>
                <Select options={["phone_confirmed", "id_document_checked", "face_matched"].map((k) => ({ value: k, label: t(`c360.evidence.${k}` as MessageKey) }))} />
              </Form.Item>
              <Form.Item name="reference" label={t("c360.reference")} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="document_type" label={t("c360.documentType")}><Input placeholder="resident_id" /></Form.Item>
              <Form.Item name="selfie_ref" label={t("c360.selfie")}><Input /></Form.Item>
              <Form.Item name="document_photo_ref" label={t("c360.documentPhoto")}><Input /></Form.Item>
            </>
          )}
          {dialog === "consent" && (
            <>
              <Form.Item name="scopes" label={t("c360.scopes")} rules={[{ required: true }]}>
                <Select mode="multiple" options={["group_relationships", "group_marketing"].map((s) => ({ value: s, label: t(`c360.scope.${s}` as MessageKey) }))} />
              </Form.Item>
              <Form.Item name="given_on" label={t("c360.givenOn")} rules={[{ required: true }]} initialValue={today}><DatePicker /></Form.Item>
              <Form.Item name="evidence_kind" label={t("c360.evidenceKind")} rules={[{ required: true }]}>
                <Select options={["signed_form", "app_checkbox", "recorded_call"].map((s) => ({ value: s, label: s }))} />
              </Form.Item>
              <Form.Item name="evidence_reference" label={t("c360.reference")} rules={[{ required: true }]}><Input /></Form.Item>
            </>
          )}
          {dialog === "revoke" && (
            <Form.Item name="reason" label={t("c360.reason")} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
          )}
          {dialog === "override" && (
            <>
              <Form.Item name="grade" label={t("c360.value")} rules={[{ required: true }]}><Input placeholder="A" /></Form.Item>
              <Form.Item name="reason" label={t("c360.reason")} rules={[{ required: true, min: 5 }]}><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="expires_on" label={t("c360.expiresOn")} rules={[{ required: true }]}><DatePicker /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
