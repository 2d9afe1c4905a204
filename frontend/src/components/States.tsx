/** Loading, error and empty states, the same on every page. */
import { Button, Empty, Result, Spin } from "antd";
import type { ReactNode } from "react";

import { errorMessage } from "../api/errors";
import { useI18n } from "../i18n";

export function LoadingState({ tip }: { tip?: string }) {
  const { t } = useI18n();
  return (
    <div className="state-box" data-testid="state-loading" role="status" aria-live="polite">
      <Spin />
      <div className="state-tip">{tip ?? t("state.loading")}</div>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Result
      status="error"
      title={t("state.error")}
      subTitle={<span data-testid="state-error">{errorMessage(error, locale)}</span>}
      extra={onRetry && <Button onClick={onRetry}>{t("state.retry")}</Button>}
    />
  );
}

export function EmptyState({ description, children }: { description?: ReactNode; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Empty data-testid="state-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t("state.empty")}>
      {children}
    </Empty>
  );
}
