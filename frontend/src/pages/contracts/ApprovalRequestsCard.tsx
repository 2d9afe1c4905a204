/**
 * Four eyes on the contract page: the write-offs, repayment reversals and recoveries asked for on this
 * contract that wait for a second person. Another user holding an approving role approves (the action
 * runs) or rejects them; whoever asked sees that it waits for someone else (the API refuses them too).
 */
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";

import type { Page } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { canApprove } from "../../contracts/permissions";
import type { ApprovalRequest, ContractDetail } from "../../contracts/types";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { formatInstant } from "../../products/format";
import { useSubmit } from "./useSubmit";

export function ApprovalRequestsCard({ contract, refreshKey, onDecided }: {
  contract: ContractDetail;
  refreshKey: number;
  onDecided: () => void;
}) {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const listed = useResource<Page<ApprovalRequest>>(
    `/v1/contracts/${encodeURIComponent(contract.id)}/approval-requests?limit=50`);
  const { reload } = listed;
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);
  const pending = (listed.data?.items ?? []).filter((r) => r.status === "pending");
  const decide = useSubmit();
  const [acting, setActing] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ApprovalRequest | null>(null);

  async function approve(r: ApprovalRequest) {
    setActing(r.id);
    const done = await decide.run(() =>
      api.post<ApprovalRequest>(`/v1/approval-requests/${encodeURIComponent(r.id)}/approve`, {}));
    setActing(null);
    if (!done) return;
    message.success(t("svc.approvals.approved"));
    listed.reload();
    onDecided();
  }

  return (
    <Card variant="borderless" title={t("svc.approvals.title")} data-testid="approval-requests">
      <Space orientation="vertical" size={8} style={{ width: "100%" }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("svc.approvals.hint")}</Typography.Text>
        {listed.error !== null ? (
          <Alert type="error" showIcon title={t("svc.approvals.loadError")}
            action={<Button size="small" onClick={listed.reload}>{t("state.retry")}</Button>} />
        ) : listed.loading && !listed.data ? null : pending.length === 0 ? (
          <Typography.Text type="secondary" data-testid="approval-requests-empty">{t("svc.approvals.empty")}</Typography.Text>
        ) : (
          pending.map((r) => {
            const mayDecide = canApprove(me?.roles ?? [], me?.user_id, r.requested_by);
            const own = me?.user_id === r.requested_by;
            return (
              <div key={r.id} data-testid={`approval-request-${r.id}`} data-action={r.action}
                style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 8, flexWrap: "wrap" }}>
                <Space orientation="vertical" size={0}>
                  <span>
                    <Tag color="gold">{lookup(locale, `svc.approvals.action.${r.action}`) ?? r.action}</Tag>
                    <span className="num">{formatMoney(r.amount, r.currency)}</span>
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("svc.approvals.by", { who: r.requested_by_name, at: formatInstant(r.requested_at) })}
                  </Typography.Text>
                  {r.params.reason && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("svc.approvals.reasonOf", { reason: r.params.reason })}
                    </Typography.Text>
                  )}
                  {own && <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid={`approval-own-${r.id}`}>
                    {t("svc.approvals.own")}
                  </Typography.Text>}
                </Space>
                {(mayDecide || own) && (
                  <Space size={4}>
                    {mayDecide && (
                      <Button size="small" type="primary" onClick={() => void approve(r)} loading={acting === r.id}
                        disabled={acting !== null && acting !== r.id} data-testid={`approval-approve-${r.id}`}>
                        {t("svc.approvals.approve")}
                      </Button>
                    )}
                    <Button size="small" danger onClick={() => setRejecting(r)} disabled={acting !== null}
                      data-testid={`approval-reject-${r.id}`}>
                      {t("svc.approvals.reject")}
                    </Button>
                  </Space>
                )}
              </div>
            );
          })
        )}
        {decide.failure && <Alert type="error" showIcon title={decide.failure} data-testid="approval-error" />}
      </Space>
      <RejectModal request={rejecting} onClose={() => setRejecting(null)}
        onDone={() => { setRejecting(null); message.success(t("svc.approvals.rejected")); listed.reload(); }} />
    </Card>
  );
}

function RejectModal({ request, onClose, onDone }: {
  request: ApprovalRequest | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { api } = useAuth();
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const { run, busy, failure, setFailure } = useSubmit(form);

  async function submit(v: { reason: string }) {
    if (!request) return;
    const done = await run(() => api.post<ApprovalRequest>(
      `/v1/approval-requests/${encodeURIComponent(request.id)}/reject`, { reason: v.reason.trim() }));
    if (!done) return;
    form.resetFields();
    onDone();
  }

  return (
    <Modal
      open={request !== null}
      title={t("svc.approvals.rejectTitle")}
      onCancel={() => { setFailure(null); form.resetFields(); onClose(); }}
      okText={t("svc.approvals.reject")}
      okButtonProps={{ danger: true, loading: busy, ...({ "data-testid": "approval-reject-submit" } as Record<`data-${string}`, string>) }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t("svc.approvals.rejectReason")}
          rules={[{ required: true, whitespace: true, message: t("svc.approvals.rejectReasonRequired") }, { max: 500 }]}>
          <Input.TextArea id="approval-reject-reason" rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}
