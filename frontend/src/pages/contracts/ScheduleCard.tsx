/** The contract's schedule, each instalment marked paid / due / overdue, with totals and a chart. */
import { Card, Col, Row, Skeleton, Table, Typography } from "antd";
import { lazy, Suspense } from "react";

import { instalmentPaid, scheduleProgress } from "../../contracts/schedule";
import type { ContractDetail, ScheduledInstalment } from "../../contracts/types";
import { useI18n } from "../../i18n";
import { compareDecimal, formatAmount } from "../../money/decimal";
import { InstalmentStatusTag } from "./labels";

const ProgressChart = lazy(() => import("./ProgressChart"));

export function ScheduleCard({ contract }: { contract: ContractDetail }) {
  const { t } = useI18n();
  const c = contract;
  const money = (v: string | undefined) => (v === undefined ? "—" : formatAmount(v, c.currency));
  const progress = scheduleProgress(c.schedule);
  const hasPenalty = c.schedule.some((i) => compareDecimal(i.scheduled.penalty ?? "0", "0") > 0);

  return (
    <Card variant="borderless" title={t("contract.schedule")} className="table-card" data-testid="contract-schedule-card">
      <div style={{ padding: "12px 16px 0" }}>
        <Row gutter={[16, 8]}>
          <Figure title={t("svc.progress.paid")} value={money(progress.paid)} testId="progress-paid" />
          <Figure title={t("svc.progress.outstanding")} value={money(progress.outstanding)} testId="progress-outstanding" />
          <Figure
            title={t("svc.progress.overdue")}
            value={money(progress.overdue)}
            testId="progress-overdue"
            alert={compareDecimal(progress.overdue, "0") > 0}
          />
        </Row>
        {c.schedule.length > 1 && (
          <Suspense fallback={<Skeleton.Node active className="chart-skeleton" />}>
            <ProgressChart schedule={c.schedule} currency={c.currency} />
          </Suspense>
        )}
      </div>
      <Table<ScheduledInstalment>
        rowKey="seq"
        size="small"
        pagination={false}
        dataSource={c.schedule}
        scroll={{ x: hasPenalty ? 700 : 600 }}
        data-testid="contract-schedule"
        rowClassName={(r) => `instalment-row instalment-${r.status}`}
        onRow={(r) => ({ "data-seq": r.seq, "data-status": r.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t("contract.col.seq"), dataIndex: "seq", width: 48, align: "center" },
          { title: t("contract.col.dueOn"), dataIndex: "due_on", width: 100, className: "num" },
          { title: t("contract.col.principal"), key: "principal", align: "right", className: "num", render: (_, r) => money(r.scheduled.principal) },
          { title: t("contract.col.interest"), key: "interest", align: "right", className: "num", render: (_, r) => money(r.scheduled.interest) },
          // penalties only show once a bill has one (end of day charges them on overdue amounts)
          ...(hasPenalty
            ? [{
                title: t("svc.col.penalty"), key: "penalty", align: "right" as const, className: "num",
                render: (_: unknown, r: ScheduledInstalment) => money(r.scheduled.penalty),
              }]
            : []),
          { title: t("svc.col.paid"), key: "paid", align: "right", className: "num", render: (_, r) => money(instalmentPaid(r)) },
          { title: t("contract.col.outstanding"), dataIndex: "outstanding", align: "right", className: "num", render: (v: string) => money(v) },
          { title: t("contract.col.status"), dataIndex: "status", width: 96, render: (v: ScheduledInstalment["status"]) => <InstalmentStatusTag status={v} /> },
        ]}
      />
    </Card>
  );
}

function Figure({ title, value, testId, alert = false }: { title: string; value: string; testId: string; alert?: boolean }) {
  return (
    <Col xs={8}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{title}</Typography.Text>
      <div className="num" data-testid={testId} style={{ fontSize: 18, fontWeight: 600, color: alert ? "#d9363e" : undefined }}>
        {value}
      </div>
    </Col>
  );
}
