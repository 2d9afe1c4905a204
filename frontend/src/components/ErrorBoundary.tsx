import { Button, Result } from "antd";
import { Component, type ReactNode } from "react";

import { translate, initialLocale } from "../i18n";

/** Last line of defence: a render error shows a way out instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    const locale = initialLocale();
    return (
      <Result
        status="500"
        title={translate(locale, "app.crashed")}
        subTitle={translate(locale, "app.crashedHint")}
        extra={<Button onClick={() => window.location.reload()}>{translate(locale, "app.reload")}</Button>}
      />
    );
  }
}
