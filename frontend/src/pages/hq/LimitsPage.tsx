/** The group's limits and the five-category thresholds: checked here before sending, the API's errors on their fields. */
import { DeleteOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Space, Table, Typography } from "antd";
import type { FormInstance } from "antd";
import { useEffect, useState } from "react";

import { ApiError, errorMessage, fieldMessage } from "../../api/errors";
import type { FieldError } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { showFieldErrors } from "../../forms/serverErrors";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { useI18n, type MessageKey } from "../../i18n";
import { formatInstant } from "../../products/format";
import { ClassTag, money } from "../../hq/labels";
import {
  classificationBody, formFieldOf, limitsBody, limitsToForm, SINGLE_RULES, THRESHOLDS, validateLimits, validateThresholds,
  type Issue, type LimitsForm, type Thresholds,
} from "../../hq/limits";
import type { ClassificationView, LimitsView, Override } from "../../hq/types";

function showIssues(form: FormInstance, issues: Issue[], t: (k: MessageKey) => string) {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const key = issue.name.join(".");
    const entry = byField.get(key) ?? { name: issue.name, errors: [] };
    entry.errors.push(t(`hq.v.${issue.key}` as MessageKey));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = issues[0]?.name;
  if (first) form.scrollToField(first, { block: "center", focus: true });
}

function UnplacedErrors({ errors }: { errors: FieldError[] }) {
  const { locale } = useI18n();
  if (!errors.length) return null;
  return (
    <Alert type="error" showIcon className="hq-alert" data-testid="limits-unplaced"
      title={<ul className="error-list">{errors.map((e, i) => <li key={i}>{fieldMessage(e.message, locale, e.type)}</li>)}</ul>} />
  );
}

function RuleFields({ prefix, disabled, currency }: { prefix: (string | number)[]; disabled: boolean; currency: string }) {
  const { t } = useI18n();
  return (
    <>
      <Col xs={12} md={6}>
        <Form.Item name={[...prefix, "amount"]} label={t("hq.lim.amount")}>
          <Input inputMode="decimal" suffix={currency} disabled={disabled} allowClear />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={[...prefix, "share_of_net_capital"]} label={t("hq.lim.share")}>
          <Input inputMode="decimal" suffix="%" disabled={disabled} allowClear />
        </Form.Item>
      </Col>
    </>
  );
}

function KeyedLimits({ list, field, disabled, currency }: { list: "industries" | "subsidiaries"; field: "code" | "id"; disabled: boolean; currency: string }) {
  const { t } = useI18n();
  return (
    <Form.List name={list}>
      {(rows, { add, remove }) => (
        <div data-testid={`limits-${list}`} className="hq-keyed">
          {rows.map((row) => (
            <Row gutter={12} key={row.key} align="bottom" className="hq-limit-row">
              <Col xs={24} md={8}>
                <Form.Item name={[row.name, field]} label={t(list === "industries" ? "hq.lim.industryCode" : "hq.lim.subsidiaryId")}>
                  <Input disabled={disabled} placeholder={list === "industries" ? "C33" : "demo-lending"} />
                </Form.Item>
              </Col>
              <RuleFields prefix={[row.name]} disabled={disabled} currency={currency} />
              <Col xs={24} md={5}>
                <Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} disabled={disabled} aria-label={t("hq.lim.remove")}>
                    {t("hq.lim.remove")}
                  </Button>
                </Form.Item>
              </Col>
            </Row>
          ))}
          {!disabled && (
            <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid={`limits-add-${list}`}>
              {t(list === "industries" ? "hq.lim.addIndustry" : "hq.lim.addSubsidiary")}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

function LimitsEditor({ view, canEdit, onSaved }: { view: LimitsView; canEdit: boolean; onSaved: (v: LimitsView) => void }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LimitsForm>();
  const [saving, setSaving] = useState(false);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const currency = "CNY";

  useEffect(() => {
    form.setFieldsValue(limitsToForm(view));
  }, [form, view]);

  const save = async () => {
    setUnplaced([]);
    const values = form.getFieldsValue(true) as LimitsForm;
    const issues = validateLimits(values);
    if (issues.length) {
      showIssues(form, issues, t);
      return;
    }
    setSaving(true);
    try {
      const saved = await api.request<LimitsView>("PUT", "/v1/group/limits", limitsBody(values, view.version));
      message.success(t("hq.lim.saved"));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) {
        const errors = e.fieldErrors.map((f) => ({ ...f, field: formFieldOf(f.field, values) }));
        const { unplaced: rest, first } = showFieldErrors(form, errors, locale);
        setUnplaced(rest);
        if (first) form.scrollToField(first, { block: "center", focus: true });
      } else {
        message.error(errorMessage(e, locale));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t("hq.lim.title")} className="hq-section-card"
      extra={view.updated_at ? <Typography.Text type="secondary">{t("hq.updated", { by: view.updated_by ?? "—", at: formatInstant(view.updated_at) })}</Typography.Text> : null}>
      {!canEdit && <Alert type="info" showIcon className="hq-alert" title={t("hq.lim.readOnly")} />}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} className="hq-effective" data-testid="limits-effective">
        <Descriptions.Item label={t("hq.lim.effective.single")}>{view.effective.single_customer ? money(view.effective.single_customer) : "—"}</Descriptions.Item>
        <Descriptions.Item label={t("hq.lim.effective.group")}>{view.effective.group_customer ? money(view.effective.group_customer) : "—"}</Descriptions.Item>
        <Descriptions.Item label={t("hq.lim.effective.large")}>{view.effective.large_exposure ? money(view.effective.large_exposure) : "—"}</Descriptions.Item>
      </Descriptions>
      <UnplacedErrors errors={unplaced} />
      <Form form={form} name="limits" layout="vertical" onFinish={save} disabled={!canEdit} requiredMark={false}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="net_capital" label={t("hq.lim.netCapital")} extra={t("hq.lim.netCapitalHint")}>
              <Input inputMode="decimal" suffix={currency} allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="near_breach_ratio" label={t("hq.lim.nearBreach")} extra={t("hq.lim.nearBreachHint")}>
              <Input inputMode="decimal" suffix="%" />
            </Form.Item>
          </Col>
        </Row>
        {SINGLE_RULES.map((key) => (
          <Row gutter={12} key={key} align="bottom" className="hq-limit-row">
            <Col xs={24} md={8}><div className="hq-limit-label">{t(`hq.lim.rule.${key}` as MessageKey)}</div></Col>
            <RuleFields prefix={[key]} disabled={!canEdit} currency={currency} />
          </Row>
        ))}
        <Typography.Title level={5}>{t("hq.lim.industries")}</Typography.Title>
        <KeyedLimits list="industries" field="code" disabled={!canEdit} currency={currency} />
        <Typography.Title level={5}>{t("hq.lim.subsidiaries")}</Typography.Title>
        <KeyedLimits list="subsidiaries" field="id" disabled={!canEdit} currency={currency} />
        {canEdit && (
          <div className="form-actions">
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="limits-save">
              {t("hq.lim.save")}
            </Button>
          </div>
        )}
      </Form>
    </Card>
  );
}

function ClassificationEditor({ view, canEdit, onSaved }: { view: ClassificationView; canEdit: boolean; onSaved: (v: ClassificationView) => void }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Thresholds>();
  const [saving, setSaving] = useState(false);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);

  useEffect(() => {
    form.setFieldsValue(Object.fromEntries(THRESHOLDS.map((k) => [k, view[k]])) as Thresholds);
  }, [form, view]);

  const save = async () => {
    setUnplaced([]);
    const values = form.getFieldsValue(true) as Thresholds;
    const issues = validateThresholds(values);
    if (issues.length) {
      showIssues(form, issues, t);
      return;
    }
    setSaving(true);
    try {
      const saved = await api.request<ClassificationView>("PUT", "/v1/group/classification", classificationBody(values, view));
      message.success(t("hq.cls.saved"));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) setUnplaced(showFieldErrors(form, e.fieldErrors, locale).unplaced);
      else message.error(errorMessage(e, locale));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t("hq.cls.title")} className="hq-section-card"
      extra={view.updated_at ? <Typography.Text type="secondary">{t("hq.updated", { by: view.updated_by ?? "—", at: formatInstant(view.updated_at) })}</Typography.Text> : null}>
      <Typography.Paragraph type="secondary">{t("hq.cls.hint")}</Typography.Paragraph>
      <UnplacedErrors errors={unplaced} />
      <Form form={form} name="classification" layout="vertical" onFinish={save} disabled={!canEdit} requiredMark={false}>
        <Row gutter={12}>
          {THRESHOLDS.map((key) => (
            <Col xs={12} md={6} key={key}>
              <Form.Item name={key} label={t(`hq.cls.${key}` as MessageKey)}>
                <InputNumber min={1} precision={0} suffix={t("hq.cls.days")} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {canEdit && (
          <div className="form-actions">
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="classification-save">
              {t("hq.cls.save")}
            </Button>
          </div>
        )}
      </Form>
      {view.overrides.length > 0 && (
        <Table<Override>
          size="small"
          rowKey={(o) => `${o.subsidiary_id ?? ""}/${o.contract_id ?? ""}/${o.customer_hash ?? ""}`}
          pagination={false}
          dataSource={view.overrides}
          scroll={{ x: 520 }}
          columns={[
            { title: t("hq.cls.target"), key: "target", render: (_, o) => (o.customer_hash ? o.customer_hash.slice(0, 12) + "…" : `${o.subsidiary_id} / ${o.contract_id}`) },
            { title: t("hq.col.class"), dataIndex: "classification", render: (c: string) => <ClassTag value={c} /> },
            { title: t("hq.cls.reason"), dataIndex: "reason" },
            { title: t("hq.cls.setBy"), dataIndex: "set_by", responsive: ["md"] },
          ]}
        />
      )}
    </Card>
  );
}

export function LimitsPage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const limits = useResource<LimitsView>("/v1/group/limits");
  const classification = useResource<ClassificationView>("/v1/group/classification");
  const canEdit = (me?.roles ?? []).includes("group-risk");

  return (
    <>
      <PageHeader title={t("hq.lim.pageTitle")} subtitle={t("hq.lim.subtitle")} />
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {limits.error ? <ErrorState error={limits.error} onRetry={limits.reload} />
          : !limits.data ? <LoadingState />
            : <LimitsEditor view={limits.data} canEdit={canEdit} onSaved={limits.setData} />}
        {classification.error ? <ErrorState error={classification.error} onRetry={classification.reload} />
          : !classification.data ? <LoadingState />
            : <ClassificationEditor view={classification.data} canEdit={canEdit} onSaved={classification.setData} />}
      </Space>
    </>
  );
}
