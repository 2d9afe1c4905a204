/**
 * The buttons that move a version on (submit, approve, reject, activate, suspend, retire), shown
 * only to the roles that may press them; each asks for a confirmation and, for a rejection, a reason.
 */
import { Alert, App, Button, Form, Input, Modal, Space, Tooltip } from "antd";
import { useState } from "react";

import { ApiError, errorMessage } from "../api/errors";
import { useAuth } from "../auth/AuthProvider";
import { showFieldErrors } from "../forms/serverErrors";
import { useI18n, type MessageKey } from "../i18n";
import { actionsFor, type ActionOffer } from "./permissions";
import type { VersionAction, VersionDetails, VersionSummary } from "./types";

const DANGER: ReadonlySet<VersionAction> = new Set(["reject", "suspend", "retire"]);
const PRIMARY: ReadonlySet<VersionAction> = new Set(["submit", "approve", "activate"]);

export function VersionActions({
  code,
  version,
  activeVersion,
  onChanged,
}: {
  code: string;
  version: VersionSummary;
  activeVersion: number | null;
  onChanged: (updated: VersionDetails, action: VersionAction) => void;
}) {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [pending, setPending] = useState<VersionAction | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();

  const offers = actionsFor(version, me?.roles ?? [], me?.user_id);
  const blocked = offers.find((o) => !o.enabled);
  if (offers.length === 0) return null;

  const open = (action: VersionAction) => {
    setFailure(null);
    setPending(action);
  };

  async function confirm() {
    if (!pending) return;
    let reason: string | undefined;
    try {
      reason = (await form.validateFields()).reason?.trim() || undefined;
    } catch {
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      const updated = await api.post<VersionDetails>(
        `/v1/products/${encodeURIComponent(code)}/versions/${version.version}/${pending}`,
        reason ? { reason } : {},
      );
      message.success(t(`pf.done.${pending}` as MessageKey, { version: version.version }));
      const action = pending;
      setPending(null);
      onChanged(updated, action);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const { unplaced } = showFieldErrors(form, error.fieldErrors, locale);
        if (unplaced.length === 0) return;
      }
      setFailure(errorMessage(error, locale));
    } finally {
      setSubmitting(false);
    }
  }

  const button = (offer: ActionOffer) => {
    const b = (
      <Button
        key={offer.action}
        type={PRIMARY.has(offer.action) ? "primary" : "default"}
        danger={DANGER.has(offer.action)}
        disabled={!offer.enabled}
        onClick={() => open(offer.action)}
        data-testid={`action-${offer.action}`}
      >
        {t(`pf.action.${offer.action}` as MessageKey)}
      </Button>
    );
    return offer.enabled ? b : (
      <Tooltip key={offer.action} title={t("pf.makerChecker")}>
        {b}
      </Tooltip>
    );
  };

  const reasonRequired = pending === "reject";
  const replaced = pending === "activate" && activeVersion !== null && activeVersion !== version.version;
  return (
    <div className="version-actions">
      <Space wrap>{offers.map(button)}</Space>
      {blocked?.reason === "maker_checker" && (
        <Alert
          type="info"
          showIcon
          className="maker-checker-note"
          title={<span data-testid="maker-checker-note">{t("pf.makerChecker")}</span>}
        />
      )}
      <Modal
        open={pending !== null}
        title={pending ? t(`pf.confirm.${pending}.title` as MessageKey, { version: version.version }) : ""}
        onCancel={() => setPending(null)}
        destroyOnHidden
        afterOpenChange={(visible) => !visible && form.resetFields()}  // reset on close: never wipe what is being typed
        footer={
          <Space>
            <Button onClick={() => setPending(null)}>{t("pf.cancel")}</Button>
            <Button
              type="primary"
              danger={pending !== null && DANGER.has(pending)}
              loading={submitting}
              onClick={confirm}
              data-testid="action-confirm"
            >
              {pending ? t(`pf.action.${pending}` as MessageKey) : ""}
            </Button>
          </Space>
        }
      >
        {pending && (
          <p className="modal-lead">
            {t(`pf.confirm.${pending}.text` as MessageKey, { version: version.version })}
            {replaced && ` ${t("pf.confirm.activate.replaces", { active: activeVersion ?? "" })}`}
          </p>
        )}
        {failure && <Alert type="error" showIcon title={failure} className="modal-alert" data-testid="action-error" />}
        <Form form={form} layout="vertical" requiredMark={reasonRequired}>
          <Form.Item
            name="reason"
            label={t(reasonRequired ? "pf.reason.reject" : "pf.reason.note")}
            rules={[
              { required: reasonRequired, whitespace: true, message: t("pf.reason.required") },
              { max: 1000, message: t("pf.reason.tooLong") },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="action-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
