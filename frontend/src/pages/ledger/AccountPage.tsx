/** One account: its balances, and its statement over a date range with the running balance, paged by cursor. */
import { ArrowLeftOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Descriptions, Space, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs from "dayjs";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";

import { useCursorPages } from "../../api/useCursorPages";
import { useResource } from "../../api/useResource";
import { CursorTable } from "../../components/CursorTable";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { localizedName, useI18n } from "../../i18n";
import { Amount, KindTag, typeLabel } from "../../ledger/labels";
import type { Account, StatementRow } from "../../ledger/types";
import { isIsoDate } from "../../system/dates";

export function AccountPage() {
  const { accountId = "" } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const from = isIsoDate(params.get("from")) ? (params.get("from") as string) : null;
  const to = isIsoDate(params.get("to")) ? (params.get("to") as string) : null;

  const account = useResource<Account>(`/v1/ledger/accounts/${encodeURIComponent(accountId)}`);
  const query = new URLSearchParams({ limit: "50" });
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  const statement = useCursorPages<StatementRow>(`/v1/ledger/accounts/${encodeURIComponent(accountId)}/entries?${query}`);

  const setRange = (range: [string | null, string | null]) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of [["from", range[0]], ["to", range[1]]] as const) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };

  if (account.error !== null) {
    return (
      <>
        <PageHeader title={t("ledger.account.id")} extra={<BackButton onClick={() => navigate("/ledger")} />} />
        <Card variant="borderless"><ErrorState error={account.error} onRetry={account.reload} /></Card>
      </>
    );
  }
  if (account.loading || !account.data) return <LoadingState />;
  const a = account.data;
  const currency = a.currency;

  const columns: TableColumnsType<StatementRow> = [
    { title: t("ledger.col.bookedOn"), dataIndex: "booked_on", width: 110 },
    {
      title: t("ledger.col.entry"),
      dataIndex: "entry_id",
      width: 150,
      render: (id: string) => (
        <Link to={`/ledger/entries/${encodeURIComponent(id)}`} className="sys-code" data-testid={`statement-entry-${id}`}>
          {id}
        </Link>
      ),
    },
    { title: t("ledger.col.kind"), dataIndex: "kind", width: 110, responsive: ["sm"], render: (k: string) => <KindTag kind={k} /> },
    { title: t("ledger.col.memo"), dataIndex: "memo", responsive: ["lg"], ellipsis: true },
    { title: t("ledger.col.debit"), dataIndex: "debit", width: 130, className: "num", render: (v: string) => <Amount value={v} currency={currency} blankZero /> },
    { title: t("ledger.col.credit"), dataIndex: "credit", width: 130, className: "num", render: (v: string) => <Amount value={v} currency={currency} blankZero /> },
    {
      title: t("ledger.col.balanceAfter"),
      dataIndex: "balance_after",
      width: 140,
      className: "num",
      render: (v: string) => <Amount value={v} currency={currency} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("ledger.account.title", { name: localizedName(a.name, locale) })}
        subtitle={a.id}
        extra={<BackButton onClick={() => navigate("/ledger")} />}
      />
      <div className="sys-stack">
        <Card variant="borderless">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="account-summary">
            <Descriptions.Item label={t("ledger.account.id")}>
              <Typography.Text className="sys-code">{a.id}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.account.type")}>
              {typeLabel(t, a.type)} · {a.code}
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.account.normalSide")}>
              <Tag>{a.normal_side === "debit" ? t("sys.debit") : t("sys.credit")}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.account.balance")}>
              <strong data-testid="account-balance"><Amount value={a.balance} currency={currency} /></strong>&nbsp;{currency}
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.account.available")}>
              <Amount value={a.available} currency={currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.account.debits")}>
              <Amount value={a.debits} currency={currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.account.credits")}>
              <Amount value={a.credits} currency={currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.account.pending")}>
              <Amount value={a.pending_debits} currency={currency} /> / <Amount value={a.pending_credits} currency={currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.account.lastBooked")}>{a.last_booked_on ?? "—"}</Descriptions.Item>
            {a.contract_id && (
              <Descriptions.Item label={t("ledger.account.contract")}>
                <Link to={`/contracts/${encodeURIComponent(a.contract_id)}`}>{a.contract_id}</Link>
                {a.role ? ` · ${a.role}` : ""}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card variant="borderless" title={t("ledger.statementTitle")} className="table-card">
          <div className="sys-toolbar" style={{ padding: "12px 16px 0" }}>
            <span className="sys-toolbar-label">{t("ledger.range")}</span>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              placeholder={[t("ledger.rangeFrom"), t("ledger.rangeTo")]}
              onChange={(range) => setRange([range?.[0]?.format("YYYY-MM-DD") ?? null, range?.[1]?.format("YYYY-MM-DD") ?? null])}
              data-testid="statement-range"
            />
            <Button icon={<ReloadOutlined />} onClick={() => { account.reload(); statement.reload(); }} aria-label={t("sys.refresh")} />
          </div>
          <CursorTable<StatementRow>
            list={statement}
            empty={t("ledger.statementEmpty")}
            rowKey="seq"
            size="small"
            columns={columns}
            scroll={{ x: 640 }}
            data-testid="statement-table"
          />
        </Card>
      </div>
    </>
  );
}

export function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <Space>
      <Button icon={<ArrowLeftOutlined />} onClick={onClick}>
        {t("sys.back")}
      </Button>
    </Space>
  );
}
