/**
 * End of day for the tenant admin: close business dates up to the tenant's business date. One POST
 * closes every date after the last closed one up to the date chosen, in order (catch-up), and is
 * synchronous: while it is in flight the page polls each of those dates' run records in turn for
 * their progress (steps, counts, a bar); then it shows the result with the dates it caught up, or
 * why the date was refused.
 *
 * Where the stage allows time travel, the tenant admin also moves the business date forward here.
 */
import { FieldTimeOutlined, PlayCircleOutlined } from "@ant-design/icons";
import {
  Alert, App, Button, Card, DatePicker, Descriptions, Form, Popconfirm, Progress, Space, Steps, Tag, Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useEffect, useRef, useState } from "react";

import { ApiError, errorMessage } from "../../api/errors";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { useI18n, type MessageKey } from "../../i18n";
import {
  addDays, canMoveBusinessDateTo, caughtUpKey, closableOn, datesToClose, type BusinessDate, type BusinessDateMoved,
} from "../../system/businessDate";
import { useBusinessDate } from "../../system/BusinessDateProvider";
import {
  caughtUp, EOD_STEPS, eodPercent, eodSeconds, eodStep, followedIndex, type EndOfDayRun,
} from "../../system/endOfDay";
import { useTenantToday } from "../../system/useDateParam";
import { formatInstant } from "../../products/format";

const POLL_MS = 400;
// The run record is written as the run starts: asking before that only earns a 404.
const FIRST_POLL_MS = 600;

const iso = (d: Dayjs) => d.format("YYYY-MM-DD");

interface Failure {
  message: string;
  lastClosed: string | null;
}

/** The dates the POST in flight closes, and which of them the page is following. */
interface Closing {
  dates: string[];
  index: number;
}

export function EndOfDayPage() {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const businessDate = useBusinessDate();
  const current = businessDate.current;
  const today = useTenantToday();
  const [form] = Form.useForm<{ date: Dayjs }>();
  const chosen = Form.useWatch("date", form);
  const [closing, setClosing] = useState<Closing | null>(null);
  const [progress, setProgress] = useState<EndOfDayRun | null>(null);
  const [result, setResult] = useState<EndOfDayRun | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // A business date moved forward here carries an untouched date field along with it.
  useEffect(() => {
    if (!form.isFieldTouched("date")) form.setFieldsValue({ date: dayjs(today) });
  }, [form, today]);

  // Poll the progress of the date being closed while the POST that closes it is in flight; once
  // a caught-up date completes, follow the next one (from an empty bar).
  useEffect(() => {
    if (!closing) return;
    const following = closing.dates[closing.index];
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const read = await api.get<EndOfDayRun>(`/v1/servicing/end-of-day/${following}`, controller.signal);
        if (controller.signal.aborted) return;
        const next = followedIndex(closing.dates, closing.index, read);
        if (next !== closing.index) {
          setProgress(null);
          setClosing((c) => (c === closing ? { ...c, index: next } : c)); // unless the POST already answered
          return; // this effect starts over for the next date
        }
        setProgress(read);
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
  }, [api, closing]);

  async function start({ date }: { date: Dayjs }) {
    const on = iso(date);
    const dates = datesToClose(current?.last_closed_on ?? null, on);
    setFailure(null);
    setResult(null);
    setProgress(null);
    setClosing({ dates: dates.length > 0 ? dates : [on], index: 0 });
    try {
      const done = await api.post<EndOfDayRun>("/v1/servicing/end-of-day", { date: on });
      if (alive.current) setResult(done);
    } catch (error) {
      if (!alive.current) return;
      setProgress(null);
      const outOfOrder = error instanceof ApiError && error.code === "servicing.eod.out_of_order";
      setFailure({
        message: errorMessage(error, locale),
        lastClosed: outOfOrder && error instanceof ApiError ? error.detail("last_closed_on") : null,
      });
    } finally {
      if (alive.current) setClosing(null);
      // The last closed date moved (or someone else's run did): show what the API says now.
      businessDate.refresh();
    }
  }

  const chosenDate = chosen ? iso(chosen) : null;
  const tooLate = chosenDate !== null && !closableOn(chosenDate, current?.business_date);
  const pending = chosenDate ? datesToClose(current?.last_closed_on ?? null, chosenDate) : [];
  const running = closing !== null;
  const following = closing ? closing.dates[closing.index] : null;
  const run = result ?? progress;
  const step = eodStep(run);
  const percent = eodPercent(run);
  const shownDate = result?.business_date ?? following ?? progress?.business_date ?? chosenDate ?? today;
  const seconds = eodSeconds(result);
  const caught = caughtUp(result);
  const canSetDate = current?.time_travel === true && (me?.roles ?? []).includes("tenant-admin");

  return (
    <>
      <PageHeader title={t("nav.admin")} subtitle={t("admin.subtitle")} />
      <div className="sys-stack">
        <Card variant="borderless" title={t("eod.card")}>
          {current && (
            <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }} data-testid="eod-dates">
              <Descriptions.Item label={t("eod.businessDate")}>
                <span data-testid="eod-business-date">{current.business_date}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("eod.lastClosedOn")}>
                <span data-testid="eod-last-closed-on">{current.last_closed_on ?? t("eod.noneClosed")}</span>
              </Descriptions.Item>
              {current.closing_on && (
                <Descriptions.Item label={t("eod.closingOn")}>
                  <Tag color="processing" data-testid="eod-closing-on">{current.closing_on}</Tag>
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          <Form
            form={form}
            layout="inline"
            initialValues={{ date: dayjs(today) }}
            onFinish={start}
            style={{ rowGap: 8 }}
            data-testid="eod-form"
          >
            <Form.Item name="date" label={t("eod.date")} rules={[{ required: true, message: t("eod.dateRequired") }]}>
              <DatePicker
                allowClear={false}
                disabled={running}
                disabledDate={(d) => !closableOn(iso(d), current?.business_date)}
                data-testid="eod-date"
              />
            </Form.Item>
            <Form.Item>
              <Popconfirm
                title={t("eod.confirmTitle", { date: chosenDate ?? "" })}
                description={
                  <div style={{ maxWidth: 320 }}>
                    {pending.length > 1 && (
                      <div data-testid="eod-confirm-catch-up">
                        {t("eod.confirmCatchUp", { from: pending[0], to: pending[pending.length - 1], n: pending.length })}
                      </div>
                    )}
                    <div>{t("eod.confirmHint")}</div>
                  </div>
                }
                okText={t("eod.run")}
                cancelText={t("sys.cancel")}
                onConfirm={() => form.submit()}
                disabled={running || !chosenDate || tooLate}
              >
                <Button
                  type="primary"
                  icon={<PlayCircleOutlined />}
                  loading={running}
                  disabled={tooLate}
                  data-testid="eod-run"
                >
                  {t("eod.run")}
                </Button>
              </Popconfirm>
            </Form.Item>
          </Form>
          {tooLate && current && (
            <Alert
              type="warning"
              showIcon
              title={t("eod.afterBusinessDate", { date: current.business_date })}
              style={{ marginTop: 12 }}
              data-testid="eod-future"
            />
          )}
        </Card>

        {canSetDate && current && <BusinessDateCard current={current} disabled={running} />}

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
          ) : !running && !result ? (
            <Typography.Text type="secondary">{t("eod.idle")}</Typography.Text>
          ) : (
            <div className="eod-progress" data-testid="eod-progress" data-status={result?.status ?? progress?.status ?? "requested"}
              data-date={shownDate}>
              <Typography.Text strong>
                {result?.status === "completed" ? t("eod.completed", { date: shownDate }) : t("eod.running", { date: shownDate })}
              </Typography.Text>
              {closing && closing.dates.length > 1 && (
                <Typography.Text type="secondary" data-testid="eod-catching-up">
                  {t("eod.catchingUp", { i: closing.index + 1, n: closing.dates.length })}
                </Typography.Text>
              )}
              <Steps
                size="small"
                current={EOD_STEPS.indexOf(step)}
                status={result?.status === "completed" ? "finish" : "process"}
                responsive
                items={EOD_STEPS.map((s) => ({ title: t(`eod.step.${s}` as MessageKey) }))}
                data-testid="eod-steps"
              />
              <Progress
                percent={percent}
                status={result?.status === "completed" ? "success" : "active"}
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

        {result?.status === "completed" && (
          <Card variant="borderless" title={t("eod.result")}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} data-testid="eod-result">
              <Descriptions.Item label={t("eod.r.businessDate")}>{result.business_date}</Descriptions.Item>
              <Descriptions.Item label={t("eod.r.status")}>
                <Tag color="green" data-testid="eod-status">{t("eod.status.completed")}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("eod.r.total")}><span data-testid="eod-total">{result.total}</span></Descriptions.Item>
              <Descriptions.Item label={t("eod.r.processed")}><span data-testid="eod-processed">{result.processed}</span></Descriptions.Item>
              <Descriptions.Item label={t("eod.r.skipped")}>{result.skipped}</Descriptions.Item>
              <Descriptions.Item label={t("eod.r.expired")}>{result.expired_applications.length}</Descriptions.Item>
              <Descriptions.Item label={t("eod.r.started")}>{formatInstant(result.started_at)}</Descriptions.Item>
              <Descriptions.Item label={t("eod.r.finished")}>{formatInstant(result.finished_at)}</Descriptions.Item>
              {seconds && <Descriptions.Item label={t("eod.r.duration")}>{t("eod.r.durationValue", { seconds })}</Descriptions.Item>}
              {caught.length > 0 && (
                <Descriptions.Item label={t("eod.r.caughtUp")} span="filled">
                  <span data-testid="eod-caught-up" data-days={caught.length}>
                    <Tag color="blue" data-testid="eod-caught-up-count">{t(caughtUpKey(caught.length), { n: caught.length })}</Tag>
                    {caught.map((on) => (
                      <Tag key={on} data-caught-up={on}>{on}</Tag>
                    ))}
                  </span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        )}
      </div>
    </>
  );
}

/**
 * Move the business date forward (time travel stages only): a date after the current one, confirmed.
 * The API closes each date left behind on the way, so this may take as long as those closes.
 */
function BusinessDateCard({ current, disabled }: { current: BusinessDate; disabled: boolean }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { replace, refresh } = useBusinessDate();
  const [picked, setPicked] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [closed, setClosed] = useState<string[]>([]);

  const target = picked ?? dayjs(addDays(current.business_date, 1));
  const targetDate = iso(target);
  const valid = canMoveBusinessDateTo(targetDate, current.business_date);
  const blocked = disabled || busy || current.closing_on !== null;

  async function move() {
    setBusy(true);
    setError(null);
    setClosed([]);
    try {
      const moved = await api.request<BusinessDateMoved>("PUT", "/v1/business-date", { business_date: targetDate });
      replace(moved);
      setPicked(null);
      setClosed([...(moved.closed ?? [])].sort());
      message.success(t("admin.bizDate.moved", { date: moved.business_date }));
    } catch (e) {
      setError(errorMessage(e, locale));
      refresh(); // refused because it moved meanwhile, or a close is running: show where it is now
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      variant="borderless"
      title={
        <Space size={6}>
          <FieldTimeOutlined />
          {t("admin.bizDate.card")}
        </Space>
      }
      data-testid="business-date-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{t("admin.bizDate.hint")}</Typography.Paragraph>
      <Space wrap size={[16, 8]} align="center">
        <Space size={8}>
          <Typography.Text type="secondary">{t("admin.bizDate.current")}</Typography.Text>
          <Typography.Text strong data-testid="business-date-current">{current.business_date}</Typography.Text>
        </Space>
        <Space size={8}>
          <label htmlFor="business-date-input">{t("admin.bizDate.next")}</label>
          <DatePicker
            id="business-date-input"
            value={target}
            onChange={(d) => setPicked(d)}
            allowClear={false}
            disabled={blocked}
            disabledDate={(d) => !canMoveBusinessDateTo(iso(d), current.business_date)}
            data-testid="business-date-input"
          />
        </Space>
        <Popconfirm
          title={t("admin.bizDate.confirmTitle", { date: targetDate })}
          description={<div style={{ maxWidth: 320 }}>{t("admin.bizDate.confirmHint", { to: addDays(targetDate, -1) })}</div>}
          okText={t("admin.bizDate.set")}
          cancelText={t("sys.cancel")}
          onConfirm={move}
          disabled={blocked || !valid}
        >
          <Button icon={<FieldTimeOutlined />} loading={busy} disabled={blocked || !valid} data-testid="business-date-set">
            {t("admin.bizDate.set")}
          </Button>
        </Popconfirm>
      </Space>
      {closed.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="business-date-closed" data-days={closed.length}>
          <Typography.Text type="secondary">{t("admin.bizDate.closed", { n: closed.length })}</Typography.Text>{" "}
          {closed.map((on) => (
            <Tag key={on} data-closed={on}>{on}</Tag>
          ))}
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("admin.bizDate.failed")}
          description={<span data-testid="business-date-error">{error}</span>}
          style={{ marginTop: 12 }}
        />
      )}
    </Card>
  );
}
