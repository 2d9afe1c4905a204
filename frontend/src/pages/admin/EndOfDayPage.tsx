/**
 * End of day for the tenant admin: close business dates up to the tenant's business date. One POST
 * closes every date after the last closed one up to the date chosen, in order (catch-up), on the
 * close-of-business state machine. The POST waits a while: it answers the finished run, or (202) the
 * run as it stands; meanwhile, and after a 202 until the last date's run ends, the page polls those
 * dates' run records in turn. It shows each run's phases as steps, the contracts bar, the contracts
 * each business step changed (a chart), the contracts parked with their errors, and the result with
 * the dates it caught up — or why the close was refused or failed.
 *
 * Where the stage allows time travel, the tenant admin also moves the business date forward here
 * (which may likewise answer while the dates left behind are still closing: the page follows them).
 */
import { FieldTimeOutlined, PlayCircleOutlined } from "@ant-design/icons";
import {
  Alert, App, Button, Card, DatePicker, Descriptions, Form, Popconfirm, Progress, Skeleton, Space, Steps, Table, Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Link } from "react-router";

import { ApiError, errorMessage } from "../../api/errors";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { lookup, useI18n } from "../../i18n";
import {
  addDays, canMoveBusinessDateTo, caughtUpKey, closableOn, datesToClose, type BusinessDate, type BusinessDateMoved,
} from "../../system/businessDate";
import { useBusinessDate } from "../../system/BusinessDateProvider";
import {
  afterPost, afterRead, barStatus, caughtUp, contractStepCounts, currentStep, eodPercent, eodSeconds, parkedCount,
  phaseSteps, runEnded, type EndOfDayRun, type Following, type ParkedContract, type RunError,
} from "../../system/endOfDay";
import { useTenantToday } from "../../system/useDateParam";
import { formatInstant } from "../../products/format";

const ContractStepsChart = lazy(() => import("./ContractStepsChart"));

const POLL_MS = 400;
// The run record is written as the run starts: asking before that only earns a 404.
const FIRST_POLL_MS = 600;

const iso = (d: Dayjs) => d.format("YYYY-MM-DD");

interface Failure {
  message: string;
  lastClosed: string | null;
  /** The failed run's own error, when the API names it but the run could not be read. */
  runError: RunError | null;
}

/** The dates a close works through, which one the page is reading, and whether its request has answered. */
interface Closing extends Following {
  answered: boolean;
}

export function EndOfDayPage() {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const businessDate = useBusinessDate();
  const { refresh: refreshBusinessDate } = businessDate;
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

  // A business date moved forward here (or by a close) carries an untouched date field along with it.
  useEffect(() => {
    if (!form.isFieldTouched("date")) form.setFieldsValue({ date: dayjs(today) });
  }, [form, today]);

  // Poll the run of the date being closed, while the request closing it is in flight and, once it has
  // answered 202, until the last date's run ends; a caught-up date that completes hands over to the
  // next one (from an empty bar).
  useEffect(() => {
    if (!closing) return;
    const following = closing.dates[closing.index];
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const read = await api.get<EndOfDayRun>(`/v1/servicing/end-of-day/${following}`, controller.signal);
        if (controller.signal.aborted) return;
        const move = afterRead(closing, read, closing.answered);
        if (move.kind === "next") {
          setProgress(null);
          setClosing((c) => (c === closing ? { ...c, index: move.index } : c)); // unless the request already answered
          return; // this effect starts over for the next date
        }
        if (move.kind === "done") {
          setResult(move.run);
          setProgress(null);
          setClosing((c) => (c === closing ? null : c));
          refreshBusinessDate(); // the closed dates moved the business date on
          return;
        }
        setProgress(read);
      } catch {
        // not opened yet (404), or a blip: keep reading
      }
      if (!controller.signal.aborted) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, FIRST_POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, closing, refreshBusinessDate]);

  async function start({ date }: { date: Dayjs }) {
    const on = iso(date);
    const listed = datesToClose(current?.last_closed_on ?? null, on);
    const dates = listed.length > 0 ? listed : [on];
    setFailure(null);
    setResult(null);
    setProgress(null);
    setClosing({ dates, index: 0, answered: false });
    try {
      const answer = await api.post<EndOfDayRun>("/v1/servicing/end-of-day", { date: on });
      if (!alive.current) return;
      const next = afterPost(dates, answer);
      if (next.kind === "done") {
        setResult(next.run);
        setProgress(null);
        setClosing(null);
      } else {
        // 202: still closing; the poll follows it from the date it is at to the end
        setProgress(answer);
        setClosing({ ...next.following, answered: true });
      }
    } catch (error) {
      if (!alive.current) return;
      setProgress(null);
      setClosing(null);
      await showFailure(error);
    } finally {
      // The last closed date moved (or someone else's run did): show what the API says now.
      if (alive.current) refreshBusinessDate();
    }
  }

  /** A refusal shows why; a close that failed shows its run (with the run's error) when it can be read. */
  async function showFailure(error: unknown) {
    const apiError = error instanceof ApiError ? error : null;
    const failedOn = apiError?.code === "servicing.eod.failed" ? apiError.detail("business_date") : null;
    if (failedOn) {
      try {
        const run = await api.get<EndOfDayRun>(`/v1/servicing/end-of-day/${failedOn}`);
        if (!alive.current) return;
        if (runEnded(run)) {
          setResult(run);
          return;
        }
      } catch {
        // fall back to the error itself
      }
    }
    const runError = apiError?.details.error as RunError | null | undefined;
    setFailure({
      message: errorMessage(error, locale),
      lastClosed: apiError?.code === "servicing.eod.out_of_order" ? apiError.detail("last_closed_on") : null,
      runError: runError && typeof runError.message === "string" ? runError : null,
    });
  }

  /** The business date was moved while the dates left behind are still closing (202): follow them. */
  function followMove(closingOn: string, to: string) {
    const listed = datesToClose(addDays(closingOn, -1), addDays(to, -1));
    setFailure(null);
    setResult(null);
    setProgress(null);
    setClosing({ dates: listed.length > 0 ? listed : [closingOn], index: 0, answered: true });
  }

  const chosenDate = chosen ? iso(chosen) : null;
  const tooLate = chosenDate !== null && !closableOn(chosenDate, current?.business_date);
  const pending = chosenDate ? datesToClose(current?.last_closed_on ?? null, chosenDate) : [];
  const running = closing !== null;
  const following = closing ? closing.dates[closing.index] : null;
  const run = result ?? progress;
  const steps = phaseSteps(run);
  const percent = eodPercent(run);
  const shownDate = result?.business_date ?? following ?? progress?.business_date ?? chosenDate ?? today;
  const seconds = eodSeconds(result);
  const caught = caughtUp(result);
  const stepCounts = contractStepCounts(run);
  const parked = parkedCount(run);
  const canSetDate = current?.time_travel === true && (me?.roles ?? []).includes("tenant-admin");
  const heading =
    result?.status === "completed" ? t("eod.completed", { date: shownDate })
      : result?.status === "failed" ? t("eod.runFailed", { date: shownDate })
        : t("eod.running", { date: shownDate });

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

        {canSetDate && current && <BusinessDateCard current={current} disabled={running} onClosing={followMove} />}

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
                  {failure.runError && <RunErrorText error={failure.runError} />}
                </>
              }
            />
          ) : !running && !result ? (
            <Typography.Text type="secondary">{t("eod.idle")}</Typography.Text>
          ) : (
            <div className="eod-progress" data-testid="eod-progress" data-status={result?.status ?? progress?.status ?? "requested"}
              data-date={shownDate}>
              <Typography.Text strong>{heading}</Typography.Text>
              {closing && closing.dates.length > 1 && (
                <Typography.Text type="secondary" data-testid="eod-catching-up">
                  {t("eod.catchingUp", { i: closing.index + 1, n: closing.dates.length })}
                </Typography.Text>
              )}
              <Steps
                size="small"
                current={currentStep(steps)}
                responsive
                items={steps.map((s) => ({
                  title: lookup(locale, `eod.phase.${s.name}`) ?? s.name,
                  status: s.state,
                  "data-phase": s.name,
                  "data-state": s.state,
                }))}
                data-testid="eod-steps"
              />
              <Progress percent={percent} status={barStatus(run)} aria-label={t("eod.progress")} data-testid="eod-bar" />
              {run && (
                <Space wrap size={[16, 4]}>
                  <Typography.Text type="secondary" data-testid="eod-count">
                    {t("eod.progressCount", { processed: run.processed, total: run.total })}
                  </Typography.Text>
                  {(run.batches ?? 0) > 0 && (
                    <Typography.Text type="secondary" data-testid="eod-batches">
                      {t("eod.batches", { done: run.batches_done ?? 0, n: run.batches ?? 0 })}
                    </Typography.Text>
                  )}
                </Space>
              )}
              {result?.status === "failed" && (
                <Alert
                  type="error"
                  showIcon
                  title={t("eod.runError")}
                  description={result.error ? <RunErrorText error={result.error} /> : undefined}
                  data-testid="eod-run-failed"
                />
              )}
              {stepCounts.length > 0 && (
                <div data-testid="eod-steps-counts">
                  <Typography.Text type="secondary">{t("eod.cstep.title")}</Typography.Text>
                  <Suspense fallback={<Skeleton.Node active className="chart-skeleton" />}>
                    <ContractStepsChart counts={stepCounts} />
                  </Suspense>
                </div>
              )}
            </div>
          )}
        </Card>

        {run && parked > 0 && <ParkedCard run={run} count={parked} />}

        {result && runEnded(result) && (
          <Card variant="borderless" title={t("eod.result")}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} data-testid="eod-result">
              <Descriptions.Item label={t("eod.r.businessDate")}>{result.business_date}</Descriptions.Item>
              <Descriptions.Item label={t("eod.r.status")}>
                {result.status === "completed" ? (
                  <Tag color="green" data-testid="eod-status">{t("eod.status.completed")}</Tag>
                ) : (
                  <Tag color="red" data-testid="eod-status">{t("eod.status.failed")}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("eod.r.total")}><span data-testid="eod-total">{result.total}</span></Descriptions.Item>
              <Descriptions.Item label={t("eod.r.processed")}><span data-testid="eod-processed">{result.processed}</span></Descriptions.Item>
              {result.closed !== undefined && (
                <Descriptions.Item label={t("eod.r.closed")}><span data-testid="eod-closed">{result.closed}</span></Descriptions.Item>
              )}
              <Descriptions.Item label={t("eod.r.skipped")}>{result.skipped}</Descriptions.Item>
              {result.parked !== undefined && (
                <Descriptions.Item label={t("eod.r.parked")}><span data-testid="eod-parked-count">{result.parked}</span></Descriptions.Item>
              )}
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

/** A failed run's error: its name (a stable code or the error's class) and message. */
function RunErrorText({ error }: { error: RunError }) {
  return (
    <div data-testid="eod-run-error">
      <Typography.Text code>{error.name}</Typography.Text> {error.message}
    </div>
  );
}

/**
 * The contracts a run parked: their close kept failing, so they were not closed for the date. The
 * date closes all the same and they hold up nothing else; each links to its contract.
 */
function ParkedCard({ run, count }: { run: EndOfDayRun; count: number }) {
  const { t } = useI18n();
  const columns: ColumnsType<ParkedContract> = [
    {
      title: t("eod.parked.contract"),
      dataIndex: "contract_id",
      render: (id: string) => (
        <Link to={`/contracts/${encodeURIComponent(id)}`} data-testid={`eod-parked-${id}`}>{id}</Link>
      ),
    },
    { title: t("eod.parked.code"), dataIndex: "code", render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: t("eod.parked.error"), dataIndex: "error" },
    { title: t("eod.parked.attempts"), dataIndex: "attempts", align: "right", render: (n: number | null | undefined) => n ?? "—" },
    { title: t("eod.parked.at"), dataIndex: "parked_at", render: (at: string | null | undefined) => formatInstant(at) },
  ];
  return (
    <Card variant="borderless" title={t("eod.parked.title", { n: count })} data-testid="eod-parked">
      <Alert
        type="warning"
        showIcon
        title={t("eod.parked.alert", { n: count, date: run.business_date })}
        style={{ marginBottom: 12 }}
        data-testid="eod-parked-alert"
      />
      <Table<ParkedContract>
        rowKey="contract_id"
        size="small"
        columns={columns}
        dataSource={run.parked_contracts ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
      />
    </Card>
  );
}

/**
 * Move the business date forward (time travel stages only): a date after the current one, confirmed.
 * The API closes each date left behind on the way; if those closes outlast its wait it answers 202
 * with `closing_on` set, and the page follows them (`onClosing`).
 */
function BusinessDateCard({ current, disabled, onClosing }: {
  current: BusinessDate;
  disabled: boolean;
  onClosing: (closingOn: string, to: string) => void;
}) {
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
      if (moved.closing_on) {
        // 202: the dates left behind are still closing; the business date gets there once they are closed
        message.info(t("admin.bizDate.closing", { date: targetDate }));
        onClosing(moved.closing_on, targetDate);
      } else {
        setClosed([...(moved.closed ?? [])].sort());
        message.success(t("admin.bizDate.moved", { date: moved.business_date }));
      }
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
