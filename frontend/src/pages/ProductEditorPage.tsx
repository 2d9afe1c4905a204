/**
 * The product editor: a new product (its version 1) or a draft version, with a form per kind.
 * Saving sends the whole definition (new product) or a merge patch of what changed (draft); the
 * API's problems come back each with its field path and are shown on those fields.
 */
import { ArrowLeftOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, Anchor, App, Button, Card, Col, Form, Result, Row, Space } from "antd";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { useNavigate, useParams } from "react-router";

import { ApiError, errorMessage, fieldMessage } from "../api/errors";
import type { FieldError } from "../api/types";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthProvider";
import { defaultKind } from "../calculator/terms";
import { PageHeader } from "../components/PageHeader";
import { ErrorState, LoadingState } from "../components/States";
import { showFieldErrors } from "../forms/serverErrors";
import { localizedName, useI18n, type MessageKey } from "../i18n";
import { fromFormValues, mergePatch, newDefinition, toFormValues } from "../products/definition";
import { BasicSection } from "../products/editor/BasicSection";
import { AccountingSection, PenaltySection, RiskSection, WorkflowSection } from "../products/editor/PolicySections";
import { FeesSection, RateSection } from "../products/editor/PricingSection";
import { TermsSection } from "../products/editor/TermsSection";
import { fieldLabel } from "../products/format";
import type { Definition, ProductDetails, ProductKind, VersionDetails } from "../products/types";

interface EditorValues {
  code?: string;
  definition: Definition;
}

const SECTIONS = ["basic", "terms", "rate", "fees", "penalty", "workflow", "risk", "accounting"] as const;
type SectionKey = (typeof SECTIONS)[number];

export function ProductEditorPage() {
  const { code, version } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const path = code && version ? `/v1/products/${encodeURIComponent(code)}/versions/${encodeURIComponent(version)}` : null;
  const existing = useResource<VersionDetails>(path);

  if (!path) return <ProductEditor />;
  if (existing.error !== null) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!existing.data) return <LoadingState />;
  if (existing.data.status !== "draft") {
    return (
      <Result
        status="warning"
        title={t("pf.editor.notDraft", { version: existing.data.version })}
        subTitle={t("pf.editor.notDraftHint")}
        extra={
          <Button onClick={() => navigate(`/products/${encodeURIComponent(existing.data?.code ?? "")}?v=${existing.data?.version}`)}>
            {t("pf.editor.back")}
          </Button>
        }
      />
    );
  }
  return <ProductEditor draft={existing.data} />;
}

function ProductEditor({ draft }: { draft?: VersionDetails }) {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EditorValues>();
  const creating = !draft;
  // A new product starts from a template of its kind.
  const [kind, setKind] = useState<ProductKind>(() => draft?.kind ?? defaultKind(me?.tenant.kind));
  const [initial] = useState<EditorValues>(() => ({
    code: "",
    definition: toFormValues(draft?.definition ?? newDefinition(kind, me?.tenant.currency)),
  }));
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<{ message: string; unplaced: FieldError[] } | null>(null);
  const top = useRef<HTMLDivElement>(null);
  const watched: unknown = Form.useWatch(["definition", "currency"], form);
  const currency = typeof watched === "string" ? watched : "CNY";

  function changeKind(next: ProductKind) {
    // A new kind starts from its template; what is not about the kind stays (names, channels …).
    const now = (form.getFieldsValue(true) as EditorValues).definition ?? {};
    const keep = Object.fromEntries(
      ["name", "description", "channels", "currency"].filter((k) => now[k] !== undefined).map((k) => [k, now[k]]),
    );
    // setFields replaces the whole subtree (setFieldsValue would merge the old kind's terms in).
    form.setFields([
      ...form.getFieldsError().map((f) => ({ name: f.name, errors: [] })),
      { name: ["definition"], value: { ...toFormValues(newDefinition(next, me?.tenant.currency)), ...keep } },
    ]);
    setKind(next);
    setProblems(null);
  }

  const back = () =>
    navigate(draft ? `/products/${encodeURIComponent(draft.code)}?v=${draft.version}` : "/products");

  async function save() {
    setProblems(null);
    const values = form.getFieldsValue(true) as EditorValues;
    const definition = fromFormValues(values.definition, kind);
    setSaving(true);
    try {
      if (draft) {
        const patch = mergePatch(draft.definition, definition);
        if (patch !== undefined) {
          await api.request<VersionDetails>(
            "PATCH",
            `/v1/products/${encodeURIComponent(draft.code)}/versions/${draft.version}`,
            { definition: patch },
          );
        }
        message.success(patch === undefined ? t("pf.editor.unchanged") : t("pf.editor.saved", { version: draft.version }));
        navigate(`/products/${encodeURIComponent(draft.code)}?v=${draft.version}`);
      } else {
        const code = (values.code ?? "").trim();
        const created = await api.post<ProductDetails>("/v1/products", { code, kind, definition });
        message.success(t("pf.editor.created", { code: created.code }));
        navigate(`/products/${encodeURIComponent(created.code)}?v=1`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const { unplaced, first } = showFieldErrors(form, error.fieldErrors, locale);
        setProblems({
          message: unplaced.length === 0 ? t("pf.editor.fixFields", { count: error.fieldErrors.length }) : errorMessage(error, locale),
          unplaced,
        });
        if (first) form.scrollToField(first, { block: "center", scrollMode: "always" });
        else top.current?.scrollIntoView({ block: "start" });
      } else {
        setProblems({ message: errorMessage(error, locale), unplaced: [] });
        top.current?.scrollIntoView({ block: "start" });
      }
    } finally {
      setSaving(false);
    }
  }

  const sectionBody: Record<SectionKey, ReactNode> = {
    basic: <BasicSection creating={creating} code={draft?.code} kind={kind} onKindChange={changeKind} />,
    terms: <TermsSection kind={kind} currency={currency} />,
    rate: <RateSection kind={kind} currency={currency} />,
    fees: <FeesSection kind={kind} currency={currency} />,
    penalty: <PenaltySection kind={kind} currency={currency} />,
    workflow: <WorkflowSection currency={currency} />,
    risk: <RiskSection currency={currency} />,
    accounting: <AccountingSection kind={kind} />,
  };
  const anchors = useMemo(
    () => SECTIONS.map((key) => ({ key, href: `#pf-${key}`, title: t(`pf.section.${key}` as MessageKey) })),
    [t],
  );

  const title = draft
    ? t("pf.editor.editTitle", { name: localizedName(draft.name, locale), version: draft.version })
    : t("pf.editor.newTitle");
  return (
    <>
      <div ref={top} />
      <PageHeader
        title={title}
        subtitle={draft ? `${draft.code} · ${t(`calc.kind.${draft.kind}`)}` : t("pf.editor.newSubtitle")}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {t("pf.cancel")}
          </Button>
        }
      />
      {problems && (
        <Alert
          type="error"
          showIcon
          className="result-alert"
          data-testid="editor-error"
          title={problems.message}
          description={
            problems.unplaced.length > 0 ? (
              <ul className="error-list">
                {problems.unplaced.map((e) => (
                  <li key={e.field + e.message}>
                    {fieldLabel(e.field.replace(/^definition\./, ""), locale)}: {fieldMessage(e.message, locale, e.type)}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Row gutter={16} align="top">
        <Col xs={24} xl={19}>
          <Form<EditorValues>
            form={form}
            layout="vertical"
            initialValues={initial}
            validateTrigger={["onBlur", "onSubmit"]}
            onFinish={save}
            onFinishFailed={() => message.error(t("valid.fixErrors"))}
            className="product-editor"
            data-testid="product-editor"
            scrollToFirstError
          >
            <div className="editor-stack">
              {SECTIONS.map((key) => (
                <Card key={key} id={`pf-${key}`} variant="borderless" title={t(`pf.section.${key}` as MessageKey)} className="editor-card">
                  {sectionBody[key]}
                </Card>
              ))}
            </div>
            <div className="editor-actions">
              <Space>
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="editor-save">
                  {creating ? t("pf.editor.create") : t("pf.editor.save")}
                </Button>
                <Button onClick={back}>{t("pf.cancel")}</Button>
              </Space>
              <span className="muted">{t("pf.editor.draftNote")}</span>
            </div>
          </Form>
        </Col>
        <Col xs={0} xl={5}>
          <Anchor className="editor-anchor" offsetTop={72} targetOffset={80} items={anchors} />
        </Col>
      </Row>
    </>
  );
}
