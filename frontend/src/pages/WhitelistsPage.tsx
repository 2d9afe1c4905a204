/** Pre-approval whitelists: the rules (product managers define them, as JSON), each rule's runs (run now),
 * one run's customers with amount, expiry and reasons, and its CSV for marketing. */
import { App, Button, Card, Col, Input, Row, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";

import { errorMessage } from "../api/errors";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthProvider";
import { PageHeader } from "../components/PageHeader";
import { ErrorState, LoadingState } from "../components/States";
import { reportBlob, saveBlob } from "../hq/download";
import { useI18n } from "../i18n";

interface Rule { whitelist_id: string; name: string; products: string[]; amount: { kind: string }; validity_days: number; active: boolean }
interface Reason { rule: string; passed: boolean; detail: string }
interface Entry { customer_id: string; label: string; pre_approved_amount: string; reasons: Reason[] }
interface Run { run_id: string; as_of: string; expires_on: string; customers: number; total_pre_approved: string; currency: string; entries?: Entry[] }
interface CsvFile { name: string; content_type: string; content: string }

const OWNERS = ["tenant-admin", "product-manager"];
const EXAMPLE = {
  name: "", products: ["CONSUMER-INSTALMENT"], validity_days: 30,
  eligibility: { customer_types: ["individual"], max_days_past_due: 0 },
  amount: { kind: "multiple", factor: "2", cap: "100000.00", floor: "20000.00" },
};

export function WhitelistsPage() {
  const { t, locale } = useI18n();
  const { api, me } = useAuth();
  const { message } = App.useApp();
  const rules = useResource<{ items: Rule[] }>("/v1/whitelists");
  const [selected, setSelected] = useState<string | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [text, setText] = useState(JSON.stringify(EXAMPLE, null, 2));
  const runs = useResource<{ items: Run[] }>(selected ? `/v1/whitelists/${encodeURIComponent(selected)}/runs` : null);
  const owner = OWNERS.some((r) => (me?.roles ?? []).includes(r as never));

  if (rules.error !== null) return <ErrorState error={rules.error} onRetry={rules.reload} />;
  if (!rules.data) return <LoadingState />;

  const create = async () => {
    try {
      const made = await api.post<Rule>("/v1/whitelists", JSON.parse(text));
      message.success(t("wl.created"));
      rules.reload();
      setSelected(made.whitelist_id);
    } catch (e) {
      message.error(e instanceof SyntaxError ? t("wl.badJson") : errorMessage(e, locale));
    }
  };
  const runNow = async () => {
    if (!selected) return;
    try {
      const done = await api.post<Run>(`/v1/whitelists/${encodeURIComponent(selected)}/runs`, {});
      message.success(t("wl.ran", { n: done.customers }));
      setRun(done);
      runs.reload();
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  };
  const open = async (runId: string) => {
    if (!selected) return;
    try {
      setRun(await api.get<Run>(`/v1/whitelists/${encodeURIComponent(selected)}/runs/${encodeURIComponent(runId)}`));
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  };
  const download = async (runId: string) => {
    if (!selected) return;
    try {
      const file = await api.get<CsvFile>(
        `/v1/whitelists/${encodeURIComponent(selected)}/runs/${encodeURIComponent(runId)}?format=csv`);
      saveBlob(reportBlob(file, file.content), file.name);
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  };

  return (
    <>
      <PageHeader title={t("wl.title")} subtitle={t("wl.subtitle")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t("wl.rules")}>
            <Table size="small" rowKey="whitelist_id" pagination={false} dataSource={rules.data.items}
              data-testid="whitelist-rules"
              rowClassName={(r) => (r.whitelist_id === selected ? "ant-table-row-selected" : "")}
              onRow={(r) => ({ onClick: () => { setSelected(r.whitelist_id); setRun(null); } })} columns={[
                { title: t("wl.name"), dataIndex: "name" },
                { title: t("wl.products"), render: (_, r) => r.products.map((p) => <Tag key={p}>{p}</Tag>) },
                { title: t("wl.amountKind"), render: (_, r) => t(r.amount.kind === "fixed" ? "wl.fixed" : "wl.multiple") },
                { title: t("wl.validity"), dataIndex: "validity_days" },
              ]} />
          </Card>
          {owner && (
            <Card variant="borderless" title={t("wl.new")} className="section-gap">
              <Input.TextArea rows={14} value={text} onChange={(e) => setText(e.target.value)} className="code-text"
                data-testid="whitelist-json" />
              <Button type="primary" className="section-gap" onClick={create}>{t("wl.create")}</Button>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t("wl.runs")} extra={owner && selected && (
            <Button size="small" type="primary" onClick={runNow} data-testid="whitelist-run">{t("wl.runNow")}</Button>
          )}>
            {!selected ? <Typography.Text type="secondary">{t("wl.pick")}</Typography.Text> : (
              <Table size="small" rowKey="run_id" pagination={false} dataSource={runs.data?.items ?? []} columns={[
                { title: t("wl.asOf"), dataIndex: "as_of" },
                { title: t("wl.expiresOn"), dataIndex: "expires_on" },
                { title: t("wl.customers"), dataIndex: "customers" },
                { title: t("wl.total"), render: (_, r) => `${r.total_pre_approved} ${r.currency}` },
                { title: "", render: (_, r) => (
                  <Space>
                    <Button size="small" onClick={() => open(r.run_id)}>{t("wl.open")}</Button>
                    <Button size="small" onClick={() => download(r.run_id)} data-testid="whitelist-csv">{t("wl.csv")}</Button>
                  </Space>
                ) },
              ]} />
            )}
          </Card>
          {run && (
            <Card variant="borderless" className="section-gap" title={t("wl.list", { date: run.as_of, until: run.expires_on })}>
              <Table size="small" rowKey="customer_id" pagination={{ pageSize: 20 }} dataSource={run.entries ?? []}
                data-testid="whitelist-entries" columns={[
                  { title: t("wl.customer"), dataIndex: "label" },
                  { title: t("wl.amount"), render: (_, e) => `${e.pre_approved_amount} ${run.currency}` },
                  { title: t("wl.reasons"), render: (_, e) => e.reasons.map((r) => (
                    <Tag key={r.rule} color={r.passed ? "green" : "red"}>{r.detail}</Tag>
                  )) },
                ]} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
