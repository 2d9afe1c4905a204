/**
 * End of day for the tenant admin: close a business date. The POST is synchronous, so while it is
 * in flight the page polls the run record for its progress (steps, counts, a bar); then it shows the
 * result, or why the date was refused (dates close in order: 409 servicing.eod.out_of_order).
 */
import { PlayCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Descriptions, Form, Popconfirm, Progress, Steps, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useEffect, useRef, useState } from "react";

import { ApiError, errorMessage } from "../../api/errors";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { useI18n, type MessageKey } from "../../i18n";
import { EOD_STEPS, eodPercent, eodSeconds, eodStep, type EndOfDayRun } from "../../system/endOfDay";
import { useTenantToday } from "../../system/useDateParam";
import { formatInstant } from "../../products/format";

const POLL_MS = 400;
// The run record is written as the run starts: asking before that only earns a 404.
const FIRST_POLL_MS = 600;

interface Failure {
  message: string;
  lastClosed: string | null;
}

export function EndOfDayPage() {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const today = useTenantToday();
  const [form] = Form.useForm<{ date: Dayjs }>();
  const chosen = Form.useWatch("date", form);
  const [running, setRunning] = useState<string | null>(null);
  const [run, setRun] = useState<EndOfDayRun | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // Poll the run's progress while the POST that runs it is in flight.
  useEffect(() => {
    if (!running) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const progress = await api.get<EndOfDayRun>(`/v1/servicing/end-of-day/${running}`, controller.signal);
        if (!controller.signal.aborted) setRun((current) => (current?.status === "completed" ? current : progress));
      } catch {
        // not started yet, or a blip: the POST's answer is what counts
      }
      if (!controller.signal.aborted) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, FIRST_POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, running]);

  async function start({ date }: { date: Dayjs }) {
    const on = date.format("YYYY-MM-DD");
    setFailure(null);
    setRun(null);
    setRunning(on);
    try {
      const done = await api.post<EndOfDayRun>("/v1/servicing/end-of-day", { date: on });
      if (alive.current) setRun(done);
    } catch (error) {
      if (!alive.current) return;
      setRun(null);
      const outOfOrder = error instanceof ApiError && error.code === "servicing.eod.out_of_order";
      setFailure({
        message: errorMessage(error, locale),
        lastClosed: outOfOrder && error instanceof ApiError ? error.detail("last_closed_on") : null,
      });
    } finally {
      if (alive.current) setRunning(null);
    }
  }

  const chosenDate = chosen ? chosen.format("YYYY-MM-DD") : null;
  const future = chosenDate !== null && chosenDate > today;
  const step = eodStep(run);
  const percent = eodPercent(run);
  const shownDate = run?.business_date ?? running ?? chosenDate ?? today;
  const seconds = eodSeconds(run);

  return (
    <>
      <PageHeader title={t("nav.admin")} subtitle={t("admin.subtitle")} />
      <div className="sys-stack">
        <Card variant="borderless" title={t("eod.card")}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ date: dayjs(today) }}
            onFinish={start}
            style={{ rowGap: 8 }}
            data-testid="eod-form"
          >
            <Form.Item name="date" label={t("eod.date")} rules={[{ required: true, message: t("eod.dateRequired") }]}>
              <DatePicker allowClear={false} disabled={running !== null} data-testid="eod-date" />
            </Form.Item>
            <Form.Item>
              <Popconfirm
                title={t("eod.confirmTitle", { date: chosenDate ?? "" })}
                description={<div style={{ maxWidth: 320 }}>{t("eod.confirmHint")}</div>}
                okText={t("eod.run")}
                cancelText={t("sys.cancel")}
                onConfirm={() => form.submit()}
                disabled={running !== null || !chosenDate}
              >
                <Button type="primary" icon={<PlayCircleOutlined />} loading={running !== null} data-testid="eod-run">
                  {t("eod.run")}
                </Button>
              </Popconfirm>
            </Form.Item>
          </Form>
          {future && (
            <Alert type="warning" showIcon title={t("eod.futureWarning", { today })} style={{ marginTop: 12 }} data-testid="eod-future" />
          )}
        </Card>

        <Card variant="borderless" title={t("eod.progress")}>
          {failure ? (
            <Alert
              type="error"
              showIcon
              title={t("eod.failed")}
              description={
                <>
                  <div data-testid="eod-error">{failure.message}</div>
                  {failure.lastClosed && <div data-testid="eod-last-closed">{t("eod.lastClosed", { date: failure.lastClosed })}</div>}
                </>
              }
            />
          ) : !running && !run ? (
            <Typography.Text type="secondary">{t("eod.idle")}</Typography.Text>
          ) : (
            <div className="eod-progress" data-testid="eod-progress" data-status={run?.status ?? "requested"}>
              <Typography.Text strong>
                {run?.status === "completed" ? t("eod.completed", { date: shownDate }) : t("eod.running", { date: shownDate })}
              </Typography.Text>
              <Steps
                size="small"
                current={EOD_STEPS.indexOf(step)}
                status={run?.status === "completed" ? "finish" : "process"}
                responsive
                items={EOD_STEPS.map((s) => ({ title: t(`eod.step.${s}` as MessageKey) }))}
                data-testid="eod-steps"
              />
              <Progress
                percent={percent}
                status={run?.status === "completed" ? "success" : "active"}
                aria-label={t("eod.progress")}
                data-testid="eod-bar"
              />
              {run && (
                <Typography.Text type="secondary" data-testid="eod-count">
                  {t("eod.progressCount", { processed: run.processed, total: run.total })}
                </Typography.Text>
              )}
            </div>
          )}
        </Card>

        {run?.status === "completed" && (
          <Card variant="borderless" title={t("eod.result")}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} data-testid="eod-result">
              <Descriptions.Item label={t("eod.r.businessDate")}>{run.business_date}</Descriptions.Item>
              <Descriptions.Item label={t("eod.r.status")}>
                <Tag color="green" data-testid="eod-status">{t("eod.status.completed")}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("eod.r.total")}><span data-testid="eod-total">{run.total}</span></Descriptions.Item>
              <Descriptions.Item label={t("eod.r.processed")}><span data-testid="eod-processed">{run.processed}</span></Descriptions.Item>
              <Descriptions.Item label={t("eod.r.skipped")}>{run.skipped}</Descriptions.Item>
              <Descriptions.Item label={t("eod.r.expired")}>{run.expired_applications.length}</Descriptions.Item>
              <Descriptions.Item label={t("eod.r.started")}>{formatInstant(run.started_at)}</Descriptions.Item>
              <Descriptions.Item label={t("eod.r.finished")}>{formatInstant(run.finished_at)}</Descriptions.Item>
              {seconds && <Descriptions.Item label={t("eod.r.duration")}>{t("eod.r.durationValue", { seconds })}</Descriptions.Item>}
            </Descriptions>
          </Card>
        )}
      </div>
    </>
  );
}
