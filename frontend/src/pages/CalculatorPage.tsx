/** The calculator: any loan, lease or factoring terms priced by `POST /v1/quotes`. */
import { Alert, Card, Col, Form, Row, Skeleton, Spin } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useRef, useState } from "react";

import { ApiError, errorMessage, fieldMessage } from "../api/errors";
import type { QuoteKind, QuoteResponse } from "../api/types";
import { useAuth } from "../auth/AuthProvider";
import { QuoteForm } from "../calculator/QuoteForm";
import { QuoteSummary } from "../calculator/QuoteSummary";
import { ScheduleTable } from "../calculator/ScheduleTable";
import { buildQuoteRequest, defaultKind, fieldsOf, initialValues, namePath, type QuoteFormValues } from "../calculator/terms";
import { PageHeader } from "../components/PageHeader";
import { EmptyState, LoadingState } from "../components/States";
import { useI18n } from "../i18n";
import { useTenantToday } from "../system/useDateParam";

// ECharts is a third of the bundle: load it with the first result, not with the sign-in page.
const ScheduleChart = lazy(() => import("../calculator/ScheduleChart"));

interface Failure {
  message: string;
  unplaced: string[];
}

export function CalculatorPage() {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const [form] = Form.useForm<QuoteFormValues>();
  const today = useTenantToday();
  // Terms start on the tenant's business date unless the user picks another.
  const [initial] = useState(() => initialValues(defaultKind(me?.tenant.kind), dayjs(today)));
  const [quote, setQuote] = useState<{ response: QuoteResponse; currency: string } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  function explain(error: unknown, kind: QuoteKind): Failure {
    if (error instanceof ApiError) {
      // No error body and a 403/404: the route itself is not deployed yet.
      if (error.code.startsWith("http.") && (error.status === 404 || error.status === 403)) {
        return { message: t("error.quotes.unavailable"), unplaced: [] };
      }
      if (error.fieldErrors.length > 0) {
        const known = fieldsOf(kind);
        const placed = error.fieldErrors.filter((e) => known.has(e.field.split(".")[0]));
        const unplaced = error.fieldErrors.filter((e) => !known.has(e.field.split(".")[0]));
        // Server messages go onto the fields they name, in the user's language where we know it.
        form.setFields(
          placed.map((e) => ({ name: namePath(e.field) as never, errors: [fieldMessage(e.message, locale)] })),
        );
        return {
          message: placed.length > 0 && unplaced.length === 0 ? t("valid.fixErrors") : errorMessage(error, locale),
          unplaced: unplaced.map((e) => `${e.field}: ${fieldMessage(e.message, locale)}`),
        };
      }
    }
    return { message: errorMessage(error, locale), unplaced: [] };
  }

  async function onSubmit(values: QuoteFormValues) {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setSubmitting(true);
    setFailure(null);
    try {
      const response = await api.post<QuoteResponse>("/v1/quotes", buildQuoteRequest(values), controller.signal);
      setQuote({ response, currency: response.currency ?? values.currency });
    } catch (error) {
      if (controller.signal.aborted) return;
      setQuote(null);
      setFailure(explain(error, values.kind));
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null;
        setSubmitting(false);
      }
    }
  }

  function onKindChange(kind: QuoteKind) {
    // Keep what does not depend on the kind; everything else starts from that kind's defaults.
    const { currency, start_date, rounding, day_count } = form.getFieldsValue();
    form.resetFields();
    // A new kind's dates (a factoring invoice's issue and due dates) follow the start kept, never the device's clock.
    form.setFieldsValue({ ...initialValues(kind, start_date ?? dayjs(today)), currency, rounding, day_count, start_date, kind });
    setQuote(null);
    setFailure(null);
  }

  function onReset() {
    form.resetFields();
    setQuote(null);
    setFailure(null);
  }

  const rows = quote?.response.installments ?? [];
  return (
    <>
      <PageHeader title={t("calc.title")} subtitle={t("calc.subtitle")} />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={9} xxl={8}>
          <Card variant="borderless" className="form-card">
            <QuoteForm
              form={form}
              initial={initial}
              submitting={submitting}
              onSubmit={onSubmit}
              onReset={onReset}
              onKindChange={onKindChange}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15} xxl={16}>
          {failure && (
            <Alert
              type="error"
              showIcon
              className="result-alert"
              data-testid="quote-error"
              title={failure.message}
              description={
                failure.unplaced.length > 0 ? (
                  <ul className="error-list">
                    {failure.unplaced.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          {!quote ? (
            <Card variant="borderless" title={t("calc.result")}>
              {submitting ? <LoadingState /> : <EmptyState description={t("calc.resultEmpty")} />}
            </Card>
          ) : (
            <Spin spinning={submitting}>
              <div className="result-stack" data-testid="quote-result">
                <Card variant="borderless" title={t("calc.result")}>
                  <QuoteSummary quote={quote.response} currency={quote.currency} />
                </Card>
                <Card variant="borderless" title={t("calc.chart")}>
                  <Suspense fallback={<Skeleton.Node active className="chart-skeleton" />}>
                    <ScheduleChart rows={rows} currency={quote.currency} />
                  </Suspense>
                </Card>
                <Card
                  variant="borderless"
                  title={t("calc.schedule")}
                  extra={<span className="card-extra">{quote.currency}</span>}
                  className="table-card"
                >
                  <ScheduleTable rows={rows} currency={quote.currency} />
                </Card>
              </div>
            </Spin>
          )}
        </Col>
      </Row>
    </>
  );
}
