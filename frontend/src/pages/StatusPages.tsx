import { Button, Result } from "antd";
import { useNavigate } from "react-router";

import { useI18n } from "../i18n";

export function ForbiddenPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<span data-testid="forbidden">{t("state.forbidden")}</span>}
      subTitle={t("state.forbiddenHint")}
      extra={<Button onClick={() => navigate("/")}>{t("state.backHome")}</Button>}
    />
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t("state.notFound")}
      extra={<Button onClick={() => navigate("/")}>{t("state.backHome")}</Button>}
    />
  );
}
