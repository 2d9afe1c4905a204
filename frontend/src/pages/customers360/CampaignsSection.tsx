/** Cross-sell campaigns: the list, the builder (product managers), and one campaign's leads and results. */
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Statistic, Table, Tag, Tooltip } from "antd";
import dayjs from "dayjs";
import { Link, Route, Routes, useNavigate, useParams } from "react-router";

import { errorMessage } from "../../api/errors";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { useI18n } from "../../i18n";
import { useBusinessDate } from "../../system/BusinessDateProvider";
import { NotFoundPage } from "../StatusPages";
import type { Campaign, Lead } from "./api";

const OWNERS = ["product-manager", "tenant-admin", "group-admin"];

export function CampaignsSection() {
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path="new" element={<CampaignBuilderPage />} />
      <Route path=":id" element={<CampaignResultsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function isGroup(kind: string | undefined) {
  return kind === "group";
}

function CampaignListPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const group = isGroup(me?.tenant.kind);
  const list = useResource<{ items: Campaign[] }>(group ? "/v1/group/campaigns" : "/v1/campaigns");
  if (list.error !== null) return <ErrorState error={list.error} onRetry={list.reload} />;
  const owner = OWNERS.some((r) => (me?.roles ?? []).includes(r as never));
  return (
    <>
      <PageHeader title={t("camp.title")} extra={owner && <Button type="primary" onClick={() => navigate("new")}>{t("camp.new")}</Button>} />
      <Card variant="borderless">
        <Table size="small" rowKey="campaign_id" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="campaign-list" columns={[
          { title: t("camp.name"), render: (_, c) => <Link to={c.campaign_id}>{c.name}</Link> },
          { title: t("camp.products"), render: (_, c) => c.target_products.join(", ") },
          { title: t("camp.channel"), dataIndex: "channel" },
          { title: t("camp.validity"), render: (_, c) => `${c.valid_from} – ${c.valid_to}` },
          { title: t("camp.audience"), render: (_, c) => <Tag color={c.audience === "group" ? "purple" : "default"}>{t(`camp.audience.${c.audience}`)}</Tag> },
          { title: t("camp.owner"), dataIndex: "owner" },
          { title: t("camp.leads"), render: (_, c) => Object.values(c.leads_by_subsidiary).reduce((a, b) => a + b, 0) },
        ]} />
      </Card>
    </>
  );
}

function CampaignBuilderPage() {
  const { t, locale } = useI18n();
  const { api, me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { current } = useBusinessDate();
  const group = isGroup(me?.tenant.kind);
  const [form] = Form.useForm();
  const start = current ? dayjs(current.business_date) : dayjs();
  const submit = async () => {
    const v = await form.validateFields();
    const eligibility: Record<string, unknown> = {};
    const list = (s?: string) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : undefined);
    if (list(v.value_grades)) eligibility.value_grades = list(v.value_grades);
    if (list(v.activity_grades)) eligibility.activity_grades = list(v.activity_grades);
    if (v.min_verification_level) eligibility.min_verification_level = v.min_verification_level;
    if (v.max_exposure) eligibility.max_exposure = String(v.max_exposure);
    if (v.max_days_past_due !== undefined && v.max_days_past_due !== null) eligibility.max_days_past_due = v.max_days_past_due;
    if (v.customer_types?.length) eligibility.customer_types = v.customer_types;
    if (list(v.regions)) eligibility.regions = list(v.regions);
    if (list(v.industries)) eligibility.industries = list(v.industries);
    if (v.requires_marketing_consent) eligibility.requires_consent = ["group_marketing"];
    const body = {
      name: v.name, target_products: list(v.target_products), channel: v.channel, eligibility,
      valid_from: v.validity[0].format("YYYY-MM-DD"), valid_to: v.validity[1].format("YYYY-MM-DD"),
      audience: group ? "group" : v.audience,
    };
    try {
      const made = await api.post<Campaign>(group ? "/v1/group/campaigns" : "/v1/campaigns", body);
      message.success(t("camp.created", { n: made.leads?.length ?? 0 }));
      navigate(`../${made.campaign_id}`);
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  };
  return (
    <>
      <PageHeader title={t("camp.new")} />
      <Card variant="borderless">
        <Form form={form} layout="vertical" initialValues={{ channel: "sms", audience: "own", validity: [start, start.add(60, "day")], requires_marketing_consent: group }}>
          <Row gutter={16}>
            <Col xs={24} md={12}><Form.Item name="name" label={t("camp.name")} rules={[{ required: true }]}><Input data-testid="camp-name" /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="target_products" label={t("camp.products")} rules={[{ required: true }]}><Input placeholder="CONSUMER-INSTALMENT" data-testid="camp-products" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="channel" label={t("camp.channel")}><Select options={["sms", "call", "app_push", "branch", "email"].map((c) => ({ value: c, label: c }))} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="validity" label={t("camp.validity")}><DatePicker.RangePicker /></Form.Item></Col>
            {!group && <Col xs={24} md={8}><Form.Item name="audience" label={t("camp.audience")}><Radio.Group options={[{ value: "own", label: t("camp.audience.own") }, { value: "group", label: t("camp.audience.group") }]} /></Form.Item></Col>}
            <Col xs={24} md={8}><Form.Item name="value_grades" label={t("camp.valueGrades")}><Input placeholder="A, B" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="activity_grades" label={t("camp.activityGrades")}><Input placeholder="ACTIVE" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="min_verification_level" label={t("camp.minLevel")}><Select allowClear options={["phone_verified", "weak_real_name", "strong_real_name"].map((l) => ({ value: l, label: t(`cust.level.${l}` as never) }))} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="max_exposure" label={t("camp.maxExposure")}><InputNumber min={0} style={{ width: "100%" }} stringMode /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="max_days_past_due" label={t("camp.maxDpd")}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="customer_types" label={t("camp.types")}><Select mode="multiple" options={["individual", "enterprise"].map((x) => ({ value: x, label: t(`cust.type.${x}` as never) }))} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="regions" label={t("camp.regions")}><Input placeholder="31, 3201" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="industries" label={t("camp.industries")}><Input placeholder="C3" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="requires_marketing_consent" label={t("camp.consent")}><Radio.Group options={[{ value: true, label: t("camp.yes") }, { value: false, label: t("camp.no") }]} /></Form.Item></Col>
          </Row>
          <Button type="primary" onClick={submit} data-testid="camp-create">{t("camp.create")}</Button>
        </Form>
      </Card>
    </>
  );
}

function CampaignResultsPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const { api, me } = useAuth();
  const { message } = App.useApp();
  const group = isGroup(me?.tenant.kind);
  const view = useResource<Campaign>(`${group ? "/v1/group/campaigns" : "/v1/campaigns"}/${encodeURIComponent(id)}`);
  if (view.error !== null) return <ErrorState error={view.error} onRetry={view.reload} />;
  const c = view.data?.campaign_id === id ? view.data : null;
  if (!c) return <LoadingState />;
  const contacted = async (lead: Lead) => {
    try {
      await api.post(`/v1/campaigns/${encodeURIComponent(id)}/leads/${encodeURIComponent(lead.lead_id)}/contacted`, {});
      view.reload();
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  };
  const totals = c.totals ?? { leads: 0, contacted: 0, applied: 0, converted: 0 };
  return (
    <>
      <PageHeader title={c.name} subtitle={`${c.target_products.join(", ")} · ${c.channel} · ${c.valid_from} – ${c.valid_to}`} />
      <Row gutter={16} className="section-gap" data-testid="campaign-totals">
        {(["leads", "contacted", "applied", "converted"] as const).map((k) => (
          <Col key={k} xs={12} md={6}><Card variant="borderless"><Statistic title={t(`camp.total.${k}`)} value={totals[k]} /></Card></Col>
        ))}
      </Row>
      <Card variant="borderless">
        <Table size="small" rowKey="lead_id" dataSource={c.leads ?? []} data-testid="campaign-leads" columns={[
          { title: t("camp.customer"), render: (_, l) => (l.customer_id && !group ? <Link to={`/customers/${encodeURIComponent(l.customer_id)}/360`}>{l.label}</Link> : l.label) },
          { title: t("camp.source"), render: (_, l) => <Tag color={l.own_customer ? "default" : "purple"}>{l.own_customer ? t("camp.own") : l.source_subsidiary}</Tag> },
          ...(group ? [{ title: t("camp.receiver"), dataIndex: "receiving_subsidiary" }] : []),
          { title: t("camp.reasons"), render: (_, l) => (
            <Space wrap size={2}>{l.reasons.map((r) => <Tooltip key={r.rule} title={r.detail}><Tag color={r.passed ? "green" : "red"}>{r.rule}</Tag></Tooltip>)}</Space>
          ) },
          { title: t("camp.total.contacted"), render: (_, l) => (l.contacted_at ? <Tag color="blue">✓</Tag> : !group && <Button size="small" onClick={() => contacted(l)}>{t("camp.markContacted")}</Button>) },
          { title: t("camp.total.applied"), render: (_: unknown, l: Lead) => (l.applied ? <Tag color="blue">✓</Tag> : "—") },
          { title: t("camp.total.converted"), render: (_: unknown, l: Lead) => (l.converted ? <Tag color="green" data-testid="lead-converted">✓</Tag> : "—") },
        ]} />
      </Card>
    </>
  );
}
