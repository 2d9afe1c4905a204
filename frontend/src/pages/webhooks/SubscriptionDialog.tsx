/** Creating a subscription (checked before it is sent), then its signing secret — shown this once. */
import { Alert, App, Button, Checkbox, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";

import { ApiError, errorMessage } from "../../api/errors";
import { useAuth } from "../../auth/AuthProvider";
import { showFieldErrors } from "../../forms/serverErrors";
import { useI18n, type MessageKey } from "../../i18n";
import { EVENT_TYPES, urlProblem, type EventType, type Subscription } from "../../system/webhooks";

interface Values {
  url: string;
  event_types: EventType[];
  description?: string;
}

export function SubscriptionDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (s: Subscription) => void }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields say what is wrong
    }
    setBusy(true);
    setFailure(null);
    try {
      const description = values.description?.trim();
      const sub = await api.post<Subscription>("/v1/webhook-subscriptions", {
        url: values.url.trim(),
        event_types: values.event_types,
        ...(description ? { description } : {}),
      });
      onCreated(sub);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const { unplaced } = showFieldErrors(form, error.fieldErrors, locale);
        setFailure(unplaced.length === 0 ? t("valid.fixErrors") : errorMessage(error, locale));
      } else {
        setFailure(errorMessage(error, locale));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t("wh.form.title")}
      okText={t("wh.form.submit")}
      okButtonProps={{ loading: busy }}
      cancelText={t("sys.cancel")}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="sub-error" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ event_types: [] }} data-testid="sub-form">
        <Form.Item
          name="url"
          label={t("wh.form.url")}
          extra={t("wh.form.urlHint")}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = urlProblem(value);
                return problem ? Promise.reject(new Error(t(`wh.url.${problem}` as MessageKey))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input placeholder="https://merchant.example.com/webhooks" autoFocus data-testid="sub-url" />
        </Form.Item>
        <Form.Item
          name="event_types"
          label={t("wh.form.events")}
          rules={[{ required: true, type: "array", min: 1, message: t("wh.form.eventsRequired") }]}
        >
          <Checkbox.Group
            style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(180px, 1fr))", gap: 6 }}
            options={EVENT_TYPES.map((e) => ({
              value: e,
              label: <span data-testid={`sub-event-${e}`}>{t(`wh.event.${e}` as MessageKey)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t("wh.form.description")} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        {/* Enter in a field submits the form. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}

export function SecretDialog({ subscription, onClose }: { subscription: Subscription; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();

  async function copy() {
    try {
      await navigator.clipboard.writeText(subscription.secret ?? "");
      message.success(t("sys.copied"));
    } catch {
      // no clipboard (an insecure origin, or permission refused): the text stays selectable
      const el = document.querySelector<HTMLElement>("[data-testid='sub-secret']");
      if (el) window.getSelection()?.selectAllChildren(el);
    }
  }

  return (
    <Modal
      open
      title={t("wh.secret.title")}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="sub-secret-done">
          {t("wh.secret.done")}
        </Button>
      }
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t("wh.secret.warning")} style={{ marginBottom: 12 }} data-testid="sub-secret-warning" />
      <Typography.Text type="secondary">{t("wh.secret.label")}</Typography.Text>
      <div style={{ display: "flex", gap: 8, alignItems: "stretch", marginTop: 4 }}>
        <Typography.Paragraph className="sys-secret" data-testid="sub-secret" style={{ flex: 1 }}>
          {subscription.secret}
        </Typography.Paragraph>
        <Button onClick={copy} data-testid="sub-secret-copy">
          {t("sys.copy")}
        </Button>
      </div>
      <Typography.Paragraph type="secondary" className="sys-code" style={{ marginTop: 8 }}>
        {subscription.url}
      </Typography.Paragraph>
    </Modal>
  );
}
