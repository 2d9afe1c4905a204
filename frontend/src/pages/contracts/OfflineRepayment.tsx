/**
 * Offline repayments, maker-checker: one finance user records the transfer with its bank voucher
 * (hashed, declared, uploaded to S3 with progress); another confirms it, and only then is it applied.
 * The checker finds it in the contract's list of those awaiting confirmation (or by the maker's link).
 */
import { UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Form, Input, Progress, Space, Tag, Typography, Upload } from "antd";
import type { UploadFile } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useRef, useState } from "react";

import { Link, useSearchParams } from "react-router";

import type { Page } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { useIntentKey } from "../../contracts/intentKey";
import type { ContractDetail, OfflineRepayment } from "../../contracts/types";
import { isVoucherType, sha256Hex, uploadVoucher, VOUCHER_MAX_BYTES } from "../../contracts/voucher";
import { useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { formatInstant } from "../../products/format";
import { AmountField, DateField, isoDate, normaliseAmount, optional } from "./fields";
import { useSubmit } from "./useSubmit";

interface Values {
  amount: string;
  received_on?: Dayjs | null;
  reference?: string;
  voucher?: UploadFile[];
}

export function OfflineRepaymentForm({ contract, onRecorded }: { contract: ContractDetail; onRecorded?: () => void }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, busy, failure } = useSubmit(form);
  const intent = useIntentKey();
  const [progress, setProgress] = useState<number | null>(null);
  const [recorded, setRecorded] = useState<OfflineRepayment | null>(null);

  async function submit(v: Values) {
    const file = v.voucher?.[0]?.originFileObj;
    if (!file) return;
    const done = await run(async () => {
      const sha256 = await sha256Hex(file);
      const body = {
        amount: normaliseAmount(v.amount),
        received_on: isoDate(v.received_on),
        reference: optional(v.reference),
        voucher: { file_name: file.name, content_type: file.type, size: file.size, sha256 },
      };
      const key = intent.keyFor(JSON.stringify(body));
      const record = await api.postWithHeaders<OfflineRepayment>(
        `/v1/contracts/${encodeURIComponent(contract.id)}/offline-repayments`, body, { "Idempotency-Key": key });
      if (record.upload) {
        setProgress(0);
        await uploadVoucher(record.upload, file, setProgress);
      }
      return record;
    });
    if (!done) return;
    intent.renew();
    setRecorded(done);
    form.resetFields();
    onRecorded?.();
    message.success(t("svc.offline.recorded"));
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="offline-form">
      <AmountField name="amount" id="offline-amount" label={t("svc.form.amount")} currency={contract.currency} />
      <DateField name="received_on" id="offline-received-on" label={t("svc.form.receivedOn")} extra={t("svc.form.dateDefault")} />
      <Form.Item name="reference" label={t("svc.form.bankReference")}>
        <Input id="offline-reference" maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="voucher"
        label={t("svc.offline.voucher")}
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
        extra={t("svc.offline.voucherHint")}
        rules={[
          { required: true, message: t("svc.offline.voucherRequired") },
          {
            validator: async (_, list: UploadFile[] | undefined) => {
              const f = list?.[0];
              if (!f) return;
              if (!isVoucherType(f.type ?? "")) throw new Error(t("svc.offline.voucherType"));
              if ((f.size ?? 0) > VOUCHER_MAX_BYTES || (f.size ?? 0) < 1) throw new Error(t("svc.offline.voucherSize"));
            },
          },
        ]}
      >
        <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png">
          <Button icon={<UploadOutlined />} data-testid="offline-voucher-pick">{t("svc.offline.pick")}</Button>
        </Upload>
      </Form.Item>
      {progress !== null && busy && <Progress percent={progress} size="small" data-testid="offline-progress" />}
      {failure && <Alert type="error" showIcon title={failure} data-testid="offline-error" style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="offline-submit">{t("svc.offline.submit")}</Button>
      {recorded && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          data-testid="offline-recorded"
          title={t("svc.offline.awaiting", { amount: formatMoney(recorded.amount, recorded.currency) })}
          description={
            <Space orientation="vertical" size={4}>
              <span>{t("svc.offline.handOver")}</span>
              <Link to={`/contracts/${encodeURIComponent(contract.id)}?offline=${encodeURIComponent(recorded.id)}`}
                data-testid="offline-link">
                <Typography.Text className="code-text" copyable={{ text: recorded.id }}>{recorded.id}</Typography.Text>
              </Link>
            </Space>
          }
        />
      )}
    </Form>
  );
}

/**
 * The checker's side: the contract's offline repayments awaiting confirmation, each confirmed from
 * the list; or one looked up by the maker's link or its id.
 */
export function OfflineConfirmCard({ contract, canConfirm, onConfirmed, refreshKey = 0 }: {
  contract: ContractDetail;
  canConfirm: boolean;
  onConfirmed: () => void;
  /** bumped when this page records one, so the list shows it */
  refreshKey?: number;
}) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [record, setRecord] = useState<OfflineRepayment | null>(null);
  const lookupSubmit = useSubmit();
  const confirmSubmit = useSubmit();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [typed, setTyped] = useState(params.get("offline") ?? "");
  const offlineId = params.get("offline");
  const listed = useResource<Page<OfflineRepayment>>(
    `/v1/contracts/${encodeURIComponent(contract.id)}/offline-repayments?limit=50`);
  const { reload: reloadListed } = listed;
  const awaiting = (listed.data?.items ?? []).filter((r) => r.status === "awaiting_confirmation");

  const seenKey = useRef(refreshKey);
  useEffect(() => {
    if (seenKey.current !== refreshKey) {
      seenKey.current = refreshKey;
      reloadListed();
    }
  }, [refreshKey, reloadListed]);

  async function find(id: string) {
    const trimmed = id.trim();
    if (!trimmed) return;
    const found = await lookupSubmit.run(() =>
      api.get<OfflineRepayment>(`/v1/offline-repayments/${encodeURIComponent(trimmed)}`));
    if (!found) {
      setRecord(null);
      return;
    }
    if (found.contract_id !== contract.id) {
      setRecord(null);
      lookupSubmit.setFailure(t("svc.offline.otherContract"));
      return;
    }
    setRecord(found);
    if (offlineId !== trimmed) {
      const next = new URLSearchParams(params);
      next.set("offline", trimmed);
      setParams(next, { replace: true });
    }
  }

  // open the record the maker's link names
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (offlineId && opened.current !== offlineId) {
      opened.current = offlineId;
      setTyped(offlineId);
      void find(offlineId);
    }
  });

  async function confirm(id: string) {
    setConfirming(id);
    const done = await confirmSubmit.run(() =>
      api.post<OfflineRepayment>(`/v1/offline-repayments/${encodeURIComponent(id)}/confirm`, {}));
    setConfirming(null);
    if (!done) return;
    setRecord(done);
    message.success(t("svc.offline.confirmed"));
    reloadListed();
    onConfirmed();
  }

  return (
    <Card variant="borderless" title={t("svc.offline.checkTitle")} data-testid="offline-confirm-card">
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <div data-testid="offline-pending">
          <Typography.Text strong>{t("svc.offline.pendingTitle")}</Typography.Text>
          {listed.error !== null ? (
            <Alert type="error" showIcon title={t("svc.offline.pendingError")} style={{ marginTop: 8 }}
              action={<Button size="small" onClick={reloadListed}>{t("state.retry")}</Button>} />
          ) : listed.loading && !listed.data ? null : awaiting.length === 0 ? (
            <div><Typography.Text type="secondary" data-testid="offline-pending-empty">{t("svc.offline.pendingEmpty")}</Typography.Text></div>
          ) : (
            <Space orientation="vertical" size={8} style={{ width: "100%", marginTop: 8 }}>
              {awaiting.map((r) => (
                <div key={r.id} className="offline-pending-row" data-testid={`offline-pending-${r.id}`}
                  style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 8, flexWrap: "wrap" }}>
                  <Space orientation="vertical" size={0}>
                    <span className="num">{formatMoney(r.amount, r.currency)} · {r.received_on}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("svc.offline.pendingBy", { who: r.recorded_by, at: formatInstant(r.recorded_at) })}
                    </Typography.Text>
                  </Space>
                  <Space size={4}>
                    <Button size="small" onClick={() => { setTyped(r.id); void find(r.id); }} data-testid={`offline-open-${r.id}`}>
                      {t("svc.offline.open")}
                    </Button>
                    {canConfirm && (
                      <Button size="small" type="primary" onClick={() => void confirm(r.id)}
                        loading={confirming === r.id} disabled={confirming !== null && confirming !== r.id}
                        data-testid={`offline-confirm-${r.id}`}>
                        {t("svc.offline.confirmShort")}
                      </Button>
                    )}
                  </Space>
                </div>
              ))}
            </Space>
          )}
        </div>
        {confirmSubmit.failure && !record && <Alert type="error" showIcon title={confirmSubmit.failure} data-testid="offline-confirm-error" />}
        <Input.Search
          id="offline-lookup"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => void find(v)}
          placeholder="ofr_…"
          enterButton={t("svc.offline.find")}
          loading={lookupSubmit.busy}
          aria-label={t("svc.offline.lookupLabel")}
        />
        {lookupSubmit.failure && <Alert type="error" showIcon title={lookupSubmit.failure} data-testid="offline-lookup-error" />}
        {record && (
          <>
            <Descriptions
              size="small"
              column={1}
              bordered
              data-testid="offline-record"
              items={[
                { key: "status", label: t("contract.status"), children: (
                  <Tag color={record.status === "confirmed" ? "success" : "warning"} data-testid="offline-status" data-status={record.status}>
                    {t(record.status === "confirmed" ? "svc.offline.status.confirmed" : "svc.offline.status.awaiting")}
                  </Tag>
                ) },
                { key: "amount", label: t("svc.form.amount"), children: <span className="num">{formatMoney(record.amount, record.currency)}</span> },
                { key: "on", label: t("svc.form.receivedOn"), children: record.received_on },
                { key: "ref", label: t("svc.form.bankReference"), children: record.reference ?? "—" },
                { key: "voucher", label: t("svc.offline.voucher"), children: `${record.voucher.file_name} (${Math.ceil(record.voucher.size / 1024)} KB)` },
                { key: "by", label: t("svc.offline.recordedBy"), children: record.recorded_by },
                ...(record.confirmed_by ? [{ key: "checker", label: t("svc.offline.confirmedBy"), children: record.confirmed_by }] : []),
              ]}
            />
            {record.status === "awaiting_confirmation" && canConfirm && (
              <Button type="primary" onClick={() => void confirm(record.id)} loading={confirmSubmit.busy} data-testid="offline-confirm">
                {t("svc.offline.confirm")}
              </Button>
            )}
            {confirmSubmit.failure && <Alert type="error" showIcon title={confirmSubmit.failure} data-testid="offline-confirm-error" />}
          </>
        )}
        {!record && !lookupSubmit.failure && (
          <Typography.Text type="secondary">{t("svc.offline.checkHint")}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
