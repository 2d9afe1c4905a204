/** One journal proposal: its lines, its status, and the checker's approve / reject (never the maker's own). */
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { errorMessage } from "../../api/errors";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { useI18n, type MessageKey } from "../../i18n";
import { canCheck } from "../../ledger/permissions";
import type { JournalEntry, JournalProposal } from "../../ledger/types";
import { formatInstant } from "../../products/format";
import { BackButton } from "./AccountPage";
import { EntryLines } from "./EntryPage";

const STATUS_COLORS: Record<string, string> = { pending: "gold", approved: "green", rejected: "red" };

export function ProposalPage() {
  const { proposalId = "" } = useParams();
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const proposal = useResource<JournalProposal>(`/v1/ledger/journal-proposals/${encodeURIComponent(proposalId)}`);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const back = <BackButton onClick={() => navigate("/ledger?tab=journal")} />;
  if (proposal.error !== null) {
    return (
      <>
        <PageHeader title={t("ledger.proposal.title", { id: proposalId })} extra={back} />
        <Card variant="borderless"><ErrorState error={proposal.error} onRetry={proposal.reload} /></Card>
      </>
    );
  }
  if (proposal.loading || !proposal.data) return <LoadingState />;
  const p = proposal.data;
  const own = p.maker_id === me?.user_id;
  const deciding = p.status === "pending" && canCheck(me?.roles ?? []);
  const path = `/v1/ledger/journal-proposals/${encodeURIComponent(p.id)}`;

  async function approve() {
    setBusy(true);
    setFailure(null);
    try {
      await api.post<JournalEntry>(`${path}/approve`, {});
      message.success(t("ledger.proposal.approved"));
      proposal.reload();
    } catch (error) {
      setFailure(errorMessage(error, locale));
    } finally {
      setBusy(false);
    }
  }

  async function reject() {
    let reason: string;
    try {
      ({ reason } = await form.validateFields());
    } catch {
      return; // the field says what is wrong
    }
    setBusy(true);
    setFailure(null);
    try {
      proposal.setData(await api.post<JournalProposal>(`${path}/reject`, { reason: reason.trim() }));
      message.success(t("ledger.proposal.rejectedDone"));
      setRejecting(false);
    } catch (error) {
      setFailure(errorMessage(error, locale));
      setRejecting(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t("ledger.proposal.title", { id: p.id })} extra={back} />
      <div className="sys-stack">
        <Card variant="borderless">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="proposal-summary">
            <Descriptions.Item label={t("ledger.proposal.status")}>
              <Tag color={STATUS_COLORS[p.status]} data-testid="proposal-status" data-status={p.status}>
                {t(`ledger.proposal.status.${p.status}` as MessageKey)}
              </Tag>
            </Descriptions.Item>
            {p.reverses && (
              <Descriptions.Item label={t("ledger.proposal.reverses")}>
                <Link to={`/ledger/entries/${encodeURIComponent(p.reverses)}`} className="sys-code" data-testid="proposal-reverses">
                  {p.reverses}
                </Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("ledger.proposal.bookedOn")}>{p.booked_on}</Descriptions.Item>
            <Descriptions.Item label={t("ledger.proposal.memo")}>{p.memo}</Descriptions.Item>
            <Descriptions.Item label={t("ledger.proposal.maker")}>
              <Typography.Text className="sys-code">{p.maker_id}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.entry.createdAt")}>{formatInstant(p.created_at)}</Descriptions.Item>
            {p.decided_by && (
              <Descriptions.Item label={t("ledger.proposal.decidedBy")}>
                <Typography.Text className="sys-code">{p.decided_by}</Typography.Text>
              </Descriptions.Item>
            )}
            {p.entry_id && (
              <Descriptions.Item label={t("ledger.proposal.entry")}>
                <Link to={`/ledger/entries/${encodeURIComponent(p.entry_id)}`} className="sys-code" data-testid="proposal-entry">
                  {p.entry_id}
                </Link>
              </Descriptions.Item>
            )}
            {p.reason && <Descriptions.Item label={t("ledger.proposal.reason")}>{p.reason}</Descriptions.Item>}
          </Descriptions>
        </Card>
        <Card variant="borderless" title={t("ledger.entry.lines")} className="table-card">
          <EntryLines lines={p.lines} testId="proposal-lines" />
        </Card>
        {deciding && (
          <Card variant="borderless">
            {own && <Alert type="warning" showIcon title={t("ledger.proposal.ownHint")} style={{ marginBottom: 12 }} />}
            {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="proposal-action-error" />}
            <div className="form-actions" style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
              {/* The API refuses a maker's own approval (ledger.maker_checker); a maker may still withdraw by rejecting. */}
              {!own && (
                <Popconfirm title={t("ledger.proposal.approveConfirm")} okText={t("sys.confirm")} cancelText={t("sys.cancel")} onConfirm={approve}>
                  <Button type="primary" loading={busy} data-testid="proposal-approve">
                    {t("ledger.proposal.approve")}
                  </Button>
                </Popconfirm>
              )}
              <Button danger disabled={busy} onClick={() => setRejecting(true)} data-testid="proposal-reject">
                {t("ledger.proposal.reject")}
              </Button>
            </div>
          </Card>
        )}
      </div>
      <Modal
        open={rejecting}
        title={t("ledger.proposal.rejectTitle")}
        okText={t("ledger.proposal.reject")}
        okButtonProps={{ danger: true, loading: busy }}
        cancelText={t("sys.cancel")}
        onOk={reject}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={reject}>
          <Form.Item
            name="reason"
            label={t("ledger.proposal.rejectReason")}
            rules={[{ required: true, whitespace: true, message: t("ledger.proposal.rejectReasonRequired") }, { max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
