/** One journal entry: its balanced lines, what it reverses or what reversed it; finance may reverse it. */
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { errorMessage } from "../../api/errors";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { useI18n } from "../../i18n";
import { Amount, KindTag } from "../../ledger/labels";
import { canPost } from "../../ledger/permissions";
import { draftTotals } from "../../ledger/journal";
import type { EntryLine, JournalEntry, JournalProposal } from "../../ledger/types";
import { formatInstant } from "../../products/format";
import { newIdempotencyKey } from "../../api/idempotency";
import { BackButton } from "./AccountPage";

export function EntryLines({ lines, testId }: { lines: EntryLine[]; testId: string }) {
  const { t } = useI18n();
  const totals = draftTotals(lines, lines[0]?.currency ?? "CNY");
  const columns: TableColumnsType<EntryLine & { key: number }> = [
    {
      title: t("ledger.entry.account"),
      dataIndex: "account_id",
      render: (id: string) => (
        <Link to={`/ledger/accounts/${encodeURIComponent(id)}`} className="sys-code">
          {id}
        </Link>
      ),
    },
    { title: t("sys.currency"), dataIndex: "currency", width: 80, responsive: ["sm"] },
    {
      title: t("sys.debit"),
      key: "debit",
      width: 140,
      className: "num",
      render: (_, l) => (l.side === "debit" ? <Amount value={l.amount} currency={l.currency} /> : null),
    },
    {
      title: t("sys.credit"),
      key: "credit",
      width: 140,
      className: "num",
      render: (_, l) => (l.side === "credit" ? <Amount value={l.amount} currency={l.currency} /> : null),
    },
  ];
  return (
    <Table
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={lines.map((l, key) => ({ ...l, key }))}
      pagination={false}
      scroll={{ x: 420 }}
      data-testid={testId}
      summary={() =>
        totals.map((c) => (
          <Table.Summary.Row key={c.currency} className="tb-total-row">
            <Table.Summary.Cell index={0} colSpan={2}>
              {t("sys.total")} · {c.currency}{" "}
              <Tag color={c.balanced ? "green" : "red"} data-testid={`${testId}-balanced`}>
                {c.balanced ? t("ledger.balanced") : t("ledger.unbalanced")}
              </Tag>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} className="num">
              <Amount value={c.debit} currency={c.currency} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} className="num">
              <Amount value={c.credit} currency={c.currency} />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ))
      }
    />
  );
}

export function EntryPage() {
  const { entryId = "" } = useParams();
  const { me } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const entry = useResource<JournalEntry>(`/v1/ledger/entries/${encodeURIComponent(entryId)}`);
  const [reversing, setReversing] = useState(false);

  const back = <BackButton onClick={() => navigate(-1)} />;
  if (entry.error !== null) {
    return (
      <>
        <PageHeader title={t("ledger.entry.title", { id: entryId })} extra={back} />
        <Card variant="borderless"><ErrorState error={entry.error} onRetry={entry.reload} /></Card>
      </>
    );
  }
  if (entry.loading || !entry.data) return <LoadingState />;
  const e = entry.data;
  // Only manual journals are reversed here (as a proposal another user approves); an entry another
  // context posted is reversed there (a repayment reversal, say), so both books stay in step.
  const reversible = canPost(me?.roles ?? []) && e.kind === "manual" && !e.reversed_by;

  return (
    <>
      <PageHeader
        title={t("ledger.entry.title", { id: e.id })}
        extra={
          <>
            {back}
            {reversible && (
              <Button danger onClick={() => setReversing(true)} data-testid="entry-reverse">
                {t("ledger.entry.reverse")}
              </Button>
            )}
          </>
        }
      />
      <div className="sys-stack">
        <Card variant="borderless">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="entry-summary">
            <Descriptions.Item label={t("ledger.entry.kind")}><KindTag kind={e.kind} /></Descriptions.Item>
            <Descriptions.Item label={t("ledger.entry.bookedOn")}>{e.booked_on}</Descriptions.Item>
            <Descriptions.Item label={t("ledger.entry.memo")}>{e.memo || "—"}</Descriptions.Item>
            {e.contract_id && (
              <Descriptions.Item label={t("ledger.entry.contract")}>
                <Link to={`/contracts/${encodeURIComponent(e.contract_id)}`}>{e.contract_id}</Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("ledger.entry.createdBy")}>{e.created_by}</Descriptions.Item>
            <Descriptions.Item label={t("ledger.entry.createdAt")}>{formatInstant(e.created_at)}</Descriptions.Item>
            {e.reverses && (
              <Descriptions.Item label={t("ledger.entry.reverses")}>
                <Link to={`/ledger/entries/${encodeURIComponent(e.reverses)}`} className="sys-code" data-testid="entry-reverses">
                  {e.reverses}
                </Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("ledger.entry.reversedBy")}>
              {e.reversed_by ? (
                <Link to={`/ledger/entries/${encodeURIComponent(e.reversed_by)}`} className="sys-code" data-testid="entry-reversed-by">
                  {e.reversed_by}
                </Link>
              ) : (
                <Typography.Text type="secondary">{t("ledger.entry.notReversed")}</Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card variant="borderless" title={t("ledger.entry.lines")} className="table-card">
          <EntryLines lines={e.lines} testId="entry-lines" />
        </Card>
      </div>
      {reversing && <ReverseDialog entry={e} onClose={() => setReversing(false)} />}
    </>
  );
}

function ReverseDialog({ entry, onClose }: { entry: JournalEntry; onClose: () => void }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ memo: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());

  async function submit() {
    let memo: string;
    try {
      ({ memo } = await form.validateFields());
    } catch {
      return; // the field says what is wrong
    }
    setBusy(true);
    setFailure(null);
    try {
      const proposal = await api.postWithHeaders<JournalProposal>(
        `/v1/ledger/entries/${encodeURIComponent(entry.id)}/reverse`,
        { memo: memo.trim() },
        { "Idempotency-Key": key.current },
      );
      message.success(t("ledger.entry.reversed"));
      onClose();
      navigate(`/ledger/proposals/${encodeURIComponent(proposal.id)}`);
    } catch (error) {
      setFailure(errorMessage(error, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t("ledger.entry.reverseTitle")}
      okText={t("ledger.entry.reverse")}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t("sys.cancel")}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("ledger.entry.reverseHint")}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="memo"
          label={t("ledger.entry.reverseMemo")}
          rules={[{ required: true, whitespace: true, message: t("ledger.entry.reverseMemoRequired") }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
