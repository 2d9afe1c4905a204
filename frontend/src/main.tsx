import { Button, Result, Spin } from "antd";
import { StrictMode, useCallback, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";

import "./styles.css";
import { App } from "./App";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { loadRuntimeConfig, type RuntimeConfig } from "./config";
import { I18nProvider, useI18n } from "./i18n";

/** Reads /config.json (where the API is) before anything else renders. */
function Bootstrap() {
  const { t } = useI18n();
  const [config, setConfig] = useState<RuntimeConfig | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    loadRuntimeConfig().then(setConfig, () => setFailed(true));
  }, []);
  useEffect(load, [load]);

  if (config) return <App apiBaseUrl={config.apiBaseUrl} />;
  if (failed) {
    return (
      <Result status="warning" title={t("app.configError")} extra={<Button onClick={load}>{t("app.retry")}</Button>} />
    );
  }
  return (
    <div className="boot">
      <Spin />
      <span>{t("app.loading")}</span>
    </div>
  );
}

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <ErrorBoundary>
      <I18nProvider>
        <Bootstrap />
      </I18nProvider>
    </ErrorBoundary>
  </StrictMode>,
);
