/** Grade rules (value and activity scales, as JSON), monthly runs and overrides waiting for approval. */
import { App, Button, Card, Col, Input, Row, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";

import { errorMessage } from "../../api/errors";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { useI18n } from "../../i18n";

interface Rules { rules: unknown; changed_by: string | null; changed_at: string | null; default: boolean }
interface Run { month: string; run_at: string; by: string; customers: number; value_grades: Record<string, number>; activity_grades: Record<string, number> }
interface Pending { override_id: string; customer_id: string; grade: string; reason: string; requested_by_name: string; expires_on: string }

const ADMINS = ["tenant-admin", "product-manager"];

export function CustomerGradesPage() {
  const { t, locale } = useI18n();
  const { api, me } = useAuth();
  const { message } = App.useApp();
  const rules = useResource<Rules>("/v1/customer-grades/rules");
  const runs = useResource<{ items: Run[] }>("/v1/customer-grades/runs");
  const isAdmin = ADMINS.some((r) => (me?.roles ?? []).includes(r as never));
  const pending = useResource<{ items: Pending[] }>(isAdmin ? "/v1/customer-grades/overrides" : null);
  const [text, setText] = useState("");
  const [month, setMonth] = useState("");
  useEffect(() => {
    if (rules.data) setText(JSON.stringify(rules.data.rules, null, 2));
  }, [rules.data]);

  if (rules.error !== null) return <ErrorState error={rules.error} onRetry={rules.reload} />;
  if (!rules.data) return <LoadingState />;

  const save = async () => {
    try {
      rules.setData(await api.request<Rules>("PUT", "/v1/customer-grades/rules", JSON.parse(text)));
      message.success(t("grades.saved"));
    } catch (e) {
      message.error(e instanceof SyntaxError ? t("grades.badJson") : errorMessage(e, locale));
    }
  };
  const run = async () => {
    try {
      const done = await api.post<Run & { rerun: boolean }>("/v1/customer-grades/runs", month ? { month } : {});
      message.success(t(done.rerun ? "grades.rerun" : "grades.ran", { month: done.month, n: done.customers }));
      runs.reload();
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  };
  return (
    <>
      <PageHeader title={t("grades.title")} subtitle={t("grades.subtitle")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t("grades.rules")} extra={rules.data.default && <Tag>{t("grades.default")}</Tag>}>
            <Input.TextArea rows={22} value={text} onChange={(e) => setText(e.target.value)} readOnly={!isAdmin}
              className="code-text" data-testid="grade-rules" />
            {isAdmin && <Button type="primary" className="section-gap" onClick={save}>{t("grades.save")}</Button>}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t("grades.runs")} extra={isAdmin && (
            <Space>
              <Input size="small" placeholder="YYYY-MM" value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 100 }} />
              <Button size="small" type="primary" onClick={run} data-testid="grades-run">{t("grades.run")}</Button>
            </Space>
          )}>
            <Table size="small" rowKey="month" pagination={false} dataSource={runs.data?.items ?? []} columns={[
              { title: t("c360.month"), dataIndex: "month" },
              { title: t("grades.customers"), dataIndex: "customers" },
              { title: t("c360.value"), render: (_, r) => Object.entries(r.value_grades).map(([g, n]) => <Tag key={g}>{g}: {n}</Tag>) },
              { title: t("c360.activity"), render: (_, r) => Object.entries(r.activity_grades).map(([g, n]) => <Tag key={g}>{g}: {n}</Tag>) },
              { title: t("c360.by"), dataIndex: "by" },
            ]} />
          </Card>
          {isAdmin && (
            <Card variant="borderless" title={t("grades.pending")} className="section-gap">
              {(pending.data?.items ?? []).length === 0 && <Typography.Text type="secondary">{t("grades.noPending")}</Typography.Text>}
              {(pending.data?.items ?? []).map((o) => (
                <div key={o.override_id}>
                  <Link to={`/customers/${encodeURIComponent(o.customer_id)}/360`}>{o.customer_id}</Link> <Tag>{o.grade}</Tag> {o.reason}{" "}
                  <Typography.Text type="secondary">{o.requested_by_name} · {o.expires_on}</Typography.Text>
                </div>
              ))}
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
