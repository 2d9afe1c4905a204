/**
 * One application: terms, the quote pinned at submission, the risk outcome rule by rule, reviews,
 * documents, timeline — and only the actions the user's role may take in the current status.
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Alert, App, Button, Card, Col, Descriptions, Form, Input, Popconfirm, Radio, Row, Skeleton, Space, Table, Tag,
  Timeline, Typography,
} from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { errorMessage } from "../api/errors";
import { newIdempotencyKey } from "../api/idempotency";
import { useResource } from "../api/useResource";
import { DocumentsCard } from "../applications/DocumentsCard";
import { ApplicationStatusTag } from "../applications/labels";
import { actionsFor, type ApplicationAction } from "../applications/permissions";
import type { ApplicationDetails, ApplicationStatus, LoanContract, ReviewDecision } from "../applications/types";
import { useAuth } from "../auth/AuthProvider";
import { QuoteSummary } from "../calculator/QuoteSummary";
import { ScheduleTable } from "../calculator/ScheduleTable";
import { PageHeader } from "../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { lookup, useI18n, type MessageKey } from "../i18n";
import { formatMoney, formatRate, isDecimalString } from "../money/decimal";

const ScheduleChart = lazy(() => import("../calculator/ScheduleChart"));

const when = (v: string | null | undefined) => (v ? dayjs(v).format("YYYY-MM-DD HH:mm") : "—");
const OUTCOME_COLORS: Record<string, string> = { pass: "success", refer: "warning", decline: "error" };

export function ApplicationDetailPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const app = useResource<ApplicationDetails>(`/v1/applications/${encodeURIComponent(id)}`);

  if (app.error !== null) return <ErrorState error={app.error} onRetry={app.reload} />;
  const a = app.data?.id === id ? app.data : null;
  if (!a) return <LoadingState />;

  const label = (key: string, fallback: string) => lookup(locale, key) ?? fallback;
  const terms = a.priced_terms ?? a.terms;
  const termValue = (key: string, value: unknown): string => {
    if (value === null || value === undefined) return "—";
    if (typeof value === "string" && (key === "principal" || key.endsWith("_amount")) && isDecimalString(value)) {
      return formatMoney(value, a.currency);
    }
    if (typeof value === "string" && key.endsWith("_rate") && isDecimalString(value)) return formatRate(value);
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  };
  const rows = a.quote?.installments ?? [];

  return (
    <>
      <PageHeader
        title={`${a.customer.name} · ${a.product_code}`}
        subtitle={a.id}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/applications")}>
            {t("appl.title")}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card variant="borderless" data-testid="application-detail">
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: "status", label: t("appl.field.status"), children: <ApplicationStatusTag status={a.status} /> },
                  { key: "customer", label: t("appl.field.customer"), children: (
                    <Link to={`/customers/${encodeURIComponent(a.customer.id)}`}>{a.customer.name}</Link>
                  ) },
                  { key: "product", label: t("appl.field.product"), children: `${a.product_code}${a.product_version ? ` v${a.product_version}` : ""}` },
                  { key: "amount", label: t("appl.field.amount"), children: (
                    <span className="num" data-testid="application-amount">{a.amount ? formatMoney(a.amount, a.currency) : "—"}</span>
                  ) },
                  { key: "officer", label: t("appl.field.officer"), children: a.officer.username },
                  { key: "assignee", label: t("appl.field.assignee"), children: a.assignee ?? "—" },
                  ...(a.contract_id
                    ? [{ key: "contract", label: t("appl.field.contract"), children: <span className="code-text">{a.contract_id}</span> }]
                    : []),
                  ...(a.sign_by ? [{ key: "signBy", label: t("appl.field.signBy"), children: a.sign_by }] : []),
                ]}
              />
            </Card>

            <Card variant="borderless" title={t("appl.section.terms")} data-testid="application-terms">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={Object.entries(terms)
                  .filter(([, v]) => v !== null && v !== undefined && typeof v !== "object")
                  .map(([key, value]) => ({ key, label: label(`appl.term.${key}`, key), children: termValue(key, value) }))}
              />
            </Card>

            <Card variant="borderless" title={t("appl.section.quote")} data-testid="application-quote">
              {a.quote && rows.length > 0 ? (
                <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                  <QuoteSummary quote={a.quote} currency={a.currency} />
                  <Suspense fallback={<Skeleton.Node active className="chart-skeleton" />}>
                    <ScheduleChart rows={rows} currency={a.currency} />
                  </Suspense>
                  <ScheduleTable rows={rows} currency={a.currency} />
                </Space>
              ) : (
                <EmptyState description={t("appl.noQuote")} />
              )}
            </Card>

            <Card
              variant="borderless"
              title={t("appl.section.risk")}
              data-testid="application-risk"
              extra={a.risk && (
                <Tag color={OUTCOME_COLORS[a.risk.decision]} data-testid="risk-decision">
                  {label(`appl.risk.${a.risk.decision}`, a.risk.decision)}
                </Tag>
              )}
            >
              {a.risk ? (
                <Table
                  rowKey="rule"
                  size="small"
                  pagination={false}
                  dataSource={a.risk.rules}
                  data-testid="risk-rules"
                  columns={[
                    { title: t("appl.risk.rule"), dataIndex: "rule", width: 220, render: (v: string) => <span className="code-text">{v}</span> },
                    { title: t("appl.risk.outcome"), dataIndex: "outcome", width: 110, render: (v: string) => (
                      <Tag color={OUTCOME_COLORS[v] ?? "default"}>{label(`appl.risk.${v}`, v)}</Tag>
                    ) },
                    { title: t("appl.risk.reason"), dataIndex: "reason" },
                  ]}
                />
              ) : (
                <EmptyState description={t("appl.noRisk")} />
              )}
            </Card>

            <DocumentsCard app={a} onUploaded={app.reload} />
          </Space>
        </Col>

        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <ActionsCard app={a} onChange={app.setData} reload={app.reload} />

            <Card variant="borderless" title={t("appl.section.reviews")} data-testid="application-reviews"
              extra={a.second_review_required ? <Tag color="purple">{t("appl.review.secondRequired")}</Tag> : null}>
              {a.reviews.length === 0 ? (
                <EmptyState description={t("appl.noReviews")} />
              ) : (
                <Space orientation="vertical" size={12} style={{ width: "100%" }}>
                  {a.reviews.map((r) => (
                    <div key={`${r.stage}-${r.round}-${r.at}`} className="review-entry" data-testid={`review-${r.stage}`}>
                      <Space size={6} wrap>
                        <Typography.Text strong>{label(`appl.review.stage.${r.stage}`, r.stage)}</Typography.Text>
                        <Tag color={r.decision === "approve" ? "success" : r.decision === "reject" ? "error" : "warning"}>
                          {label(`appl.review.${r.decision}`, r.decision)}
                        </Tag>
                        <Typography.Text type="secondary">{r.reviewer.username} · {when(r.at)}</Typography.Text>
                      </Space>
                      {r.note && <Typography.Paragraph className="review-note" data-testid="review-note">{r.note}</Typography.Paragraph>}
                    </div>
                  ))}
                </Space>
              )}
            </Card>

            <Card variant="borderless" title={t("appl.section.timeline")} data-testid="application-timeline">
              <Timeline
                items={a.timeline.map((e, i) => ({
                  key: `${e.at}-${i}`,
                  content: (
                    <div>
                      <Typography.Text strong>{label(`appl.event.${e.action}`, e.action)}</Typography.Text>
                      {e.to_status && (
                        <Typography.Text type="secondary">
                          {" → "}
                          {label(`appl.status.${e.to_status}`, e.to_status)}
                        </Typography.Text>
                      )}
                      <div className="muted">{e.actor.username} · {when(e.at)}</div>
                      {e.note && <div>{e.note}</div>}
                    </div>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}

function ActionsCard({ app, onChange, reload }: {
  app: ApplicationDetails;
  onChange: (a: ApplicationDetails) => void;
  reload: () => void;
}) {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<ApplicationAction | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const idempotencyKey = useRef<string>(newIdempotencyKey());
  const [form] = Form.useForm<{ decision: ReviewDecision; note?: string }>();
  const decision = Form.useWatch("decision", form);

  const actions = actionsFor(me?.roles ?? [], app.status as ApplicationStatus);
  const path = (action: string) => `/v1/applications/${encodeURIComponent(app.id)}/${action}`;

  async function run(action: ApplicationAction, body?: unknown) {
    setBusy(action);
    setFailure(null);
    try {
      if (action === "disburse") {
        const contract = await api.postWithHeaders<LoanContract>(path(action), body ?? {}, {
          "Idempotency-Key": idempotencyKey.current,
        });
        message.success(t("appl.action.done"));
        navigate(`/contracts/${encodeURIComponent(contract.id)}`);
        return;
      }
      const updated = await api.post<ApplicationDetails>(path(action), body);
      onChange(updated);
      form.resetFields();
      message.success(t("appl.action.done"));
    } catch (error) {
      setFailure(errorMessage(error, locale));
    } finally {
      setBusy(null);
    }
  }

  const review = actions.find((a) => a === "first-review" || a === "second-review");
  const buttons = actions.filter((a) => a !== review);
  const testId = (a: string) => `action-${a}`;

  return (
    <Card variant="borderless" title={t("appl.section.actions")} data-testid="application-actions">
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {actions.length === 0 && (
          <Typography.Text type="secondary" data-testid="no-actions">{t("appl.noActions")}</Typography.Text>
        )}
        {buttons.length > 0 && (
          <Space wrap>
            {buttons.map((a) =>
              a === "withdraw" || a === "disburse" ? (
                <Popconfirm
                  key={a}
                  title={t(a === "withdraw" ? "appl.action.withdrawConfirm" : "appl.action.disburseConfirm")}
                  onConfirm={() => void run(a, {})}
                  okButtonProps={{ "data-testid": `${testId(a)}-confirm` } as Record<`data-${string}`, string>}
                >
                  <Button danger={a === "withdraw"} type={a === "disburse" ? "primary" : "default"} loading={busy === a} data-testid={testId(a)}>
                    {t(`appl.action.${a}` as MessageKey)}
                  </Button>
                </Popconfirm>
              ) : (
                <Button
                  key={a}
                  type="primary"
                  loading={busy === a}
                  data-testid={testId(a)}
                  onClick={() => void run(a, a === "sign" ? { document_sha256: app.contract?.sha256 } : undefined)}
                >
                  {t(`appl.action.${a}` as MessageKey)}
                </Button>
              ),
            )}
          </Space>
        )}
        {review && (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ decision: "approve" }}
            onFinish={(v) => void run(review, { decision: v.decision, note: v.note?.trim() || undefined })}
            data-testid="review-form"
          >
            <Form.Item name="decision" label={t("appl.review.decision")}>
              <Radio.Group
                optionType="button"
                options={(["approve", "return", "reject"] as const).map((d) => ({
                  value: d,
                  label: <span data-testid={`review-decision-${d}`}>{t(`appl.review.${d}` as const)}</span>,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="note"
              label={t("appl.review.note")}
              rules={[{ required: decision === "reject" || decision === "return", whitespace: true, message: t("appl.review.noteRequired") }]}
            >
              <Input.TextArea id="review-note" rows={3} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy === review} data-testid="review-submit">
              {t("appl.review.submit")}
            </Button>
          </Form>
        )}
        {failure && (
          <Alert type="error" showIcon title={failure} data-testid="action-error" action={<Button size="small" onClick={reload}>{t("state.retry")}</Button>} />
        )}
        {app.status === "disbursed" && app.contract_id && (
          <Link to={`/contracts/${encodeURIComponent(app.contract_id)}`} data-testid="view-contract">
            {t("appl.action.viewContract")}
          </Link>
        )}
      </Space>
    </Card>
  );
}
