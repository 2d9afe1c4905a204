/** Sign in with username and password (Cognito USER_PASSWORD_AUTH); first sign-in sets a new password. */
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";

import { errorMessage } from "../api/errors";
import { useAuth } from "../auth/AuthProvider";
import type { NewPasswordChallenge } from "../auth/cognito";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { useI18n } from "../i18n";

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { status, login, completeNewPassword, signOutReason } = useAuth();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [challenge, setChallenge] = useState<NewPasswordChallenge | null>(null);

  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (status === "authenticated") return <Navigate to={from} replace />;

  async function run(action: () => Promise<void>) {
    setSubmitting(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  }

  const onSignIn = (values: Credentials) =>
    run(async () => {
      const pending = await login(values.username.trim(), values.password);
      if (pending) setChallenge(pending);
      else navigate(from, { replace: true });
    });

  const onNewPassword = (values: { newPassword: string }) =>
    run(async () => {
      if (!challenge) return;
      await completeNewPassword(challenge, values.newPassword);
      navigate(from, { replace: true });
    });

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <div className="login-brand">
        <div className="login-brand-mark">金</div>
        <div>
          <div className="login-brand-name">{t("app.name")}</div>
          <div className="login-brand-tagline">{t("app.tagline")}</div>
        </div>
      </div>
      <Card className="login-card" variant="borderless">
        <Typography.Title level={3} className="login-title">
          {challenge ? t("login.newPasswordTitle") : t("login.title")}
        </Typography.Title>
        {!challenge && <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>}
        {signOutReason === "expired" && !error && (
          <Alert type="warning" showIcon title={t("login.sessionExpired")} className="login-alert" />
        )}
        {error !== null && (
          <Alert type="error" showIcon title={errorMessage(error, locale)} className="login-alert" data-testid="login-error" />
        )}
        {challenge ? (
          <Form layout="vertical" onFinish={onNewPassword} requiredMark={false} key="new-password">
            <Form.Item
              name="newPassword"
              label={t("login.newPassword")}
              rules={[{ required: true, message: t("login.passwordRequired") }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" autoFocus />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t("login.confirmPassword")}
              dependencies={["newPassword"]}
              rules={[
                { required: true, message: t("login.passwordRequired") },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value || value === getFieldValue("newPassword")
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("login.passwordMismatch"))),
                }),
              ]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              {t("login.setPassword")}
            </Button>
          </Form>
        ) : (
          <Form<Credentials> layout="vertical" onFinish={onSignIn} requiredMark={false} key="sign-in" data-testid="login-form">
            <Form.Item
              name="username"
              label={t("login.username")}
              rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t("login.usernamePlaceholder")}
                autoComplete="username"
                autoFocus
                size="large"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("login.password")}
              rules={[{ required: true, message: t("login.passwordRequired") }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
              {t("login.submit")}
            </Button>
          </Form>
        )}
      </Card>
      <div className="login-footer">{t("login.footer")}</div>
    </div>
  );
}
