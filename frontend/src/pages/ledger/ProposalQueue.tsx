/** The checkers' queue of journal proposals: pending first (the default), or approved / rejected ones. */
import { ReloadOutlined } from "@ant-design/icons";
import { Button, Segmented, Space, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { Link } from "react-router";

import { useCursorPages } from "../../api/useCursorPages";
import { useAuth } from "../../auth/AuthProvider";
import { CursorTable } from "../../components/CursorTable";
import { useI18n, type MessageKey } from "../../i18n";
import { draftTotals } from "../../ledger/journal";
import type { JournalProposal, ProposalStatus } from "../../ledger/types";
import { formatMoney } from "../../money/decimal";
import { formatInstant } from "../../products/format";

const STATUSES: ProposalStatus[] = ["pending", "approved", "rejected"];

export function ProposalQueue() {
  const { me } = useAuth();
  const { t } = useI18n();
  const [status, setStatus] = useState<ProposalStatus>("pending");
  const list = useCursorPages<JournalProposal>(`/v1/ledger/journal-proposals?status=${status}`);

  const columns: TableColumnsType<JournalProposal> = [
    {
      title: t("ledger.queue.number"),
      key: "id",
      render: (_, p) => (
        <Space size={4} wrap>
          <Link to={`/ledger/proposals/${encodeURIComponent(p.id)}`} data-testid={`proposal-row-${p.id}`}>
            <Typography.Text className="code-text">{p.id}</Typography.Text>
          </Link>
          {p.maker_id === me?.user_id && <Tag>{t("ledger.queue.mine")}</Tag>}
        </Space>
      ),
    },
    { title: t("ledger.proposal.memo"), dataIndex: "memo", ellipsis: true },
    {
      title: t("ledger.queue.amount"), key: "amount", align: "right", className: "num", width: 170,
      render: (_, p) => draftTotals(p.lines, "CNY").map((s) => (
        <div key={s.currency}>{formatMoney(s.debit, s.currency)}</div>
      )),
    },
    { title: t("ledger.proposal.bookedOn"), dataIndex: "booked_on", width: 120, responsive: ["md"] },
    {
      title: t("ledger.queue.createdAt"), dataIndex: "created_at", width: 180, responsive: ["lg"],
      render: (v: string | null) => formatInstant(v),
    },
  ];

  return (
    <div data-testid="proposal-queue">
      <div className="list-toolbar" style={{ padding: "0 0 12px", borderBottom: "none" }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t("ledger.queue.title")}</Typography.Title>
        <Space wrap>
          <Segmented<ProposalStatus>
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({
              value: s,
              label: <span data-testid={`proposal-queue-${s}`}>{t(`ledger.proposal.status.${s}` as MessageKey)}</span>,
            }))}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />
        </Space>
      </div>
      <CursorTable<JournalProposal>
        list={list}
        empty={t(`ledger.queue.empty.${status}` as MessageKey)}
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 560 }}
        data-testid="proposal-queue-table"
      />
    </div>
  );
}
