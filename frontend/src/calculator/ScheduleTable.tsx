/** The instalment schedule: dense, amounts right-aligned, column totals summed exactly. */
import { Table, Typography } from "antd";
import type { TableColumnsType } from "antd";

import type { Installment } from "../api/types";
import { useI18n } from "../i18n";
import { addDecimals, formatAmount } from "../money/decimal";

export function ScheduleTable({ rows, currency }: { rows: Installment[]; currency: string }) {
  const { t } = useI18n();
  const money = (value: string | undefined) => (value === undefined ? "" : formatAmount(value, currency));
  const hasInvoices = rows.some((r) => r.invoice_number);
  const amountColumn = (key: keyof Installment, title: string) => ({
    title,
    dataIndex: key,
    key,
    align: "right" as const,
    className: "num",
    render: (value: string) => money(value),
  });

  const columns: TableColumnsType<Installment> = [
    { title: t("calc.col.seq"), dataIndex: "seq", width: 52, align: "center" },
    { title: t("calc.col.dueDate"), dataIndex: "due_date", width: 108, className: "num" },
    ...(hasInvoices
      ? [{ title: t("calc.invoice.number"), dataIndex: "invoice_number", width: 110, ellipsis: true }]
      : []),
    amountColumn("principal", t("calc.col.principal")),
    amountColumn("interest", t("calc.col.interest")),
    amountColumn("fee", t("calc.col.fee")),
    amountColumn("payment", t("calc.col.payment")),
    amountColumn("balance", t("calc.col.balance")),
  ];

  const sum = (key: "principal" | "interest" | "fee" | "payment") => money(addDecimals(...rows.map((r) => r[key])));
  return (
    <Table<Installment>
      rowKey="seq"
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: hasInvoices ? 760 : 620, y: 440 }}
      data-testid="schedule-table"
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row className="summary-row">
            <Table.Summary.Cell index={0} colSpan={hasInvoices ? 3 : 2} align="center">
              <Typography.Text strong>{t("calc.col.total")}</Typography.Text>
            </Table.Summary.Cell>
            {(["principal", "interest", "fee", "payment"] as const).map((key, i) => (
              <Table.Summary.Cell key={key} index={i + 2} align="right" className="num">
                <Typography.Text strong>{sum(key)}</Typography.Text>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={6} />
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
