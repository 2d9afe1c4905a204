/** The figures a customer asks about first: APR, what they pay in all, and what of it is interest. */
import { Col, Row, Tooltip } from "antd";

import type { QuoteResponse } from "../api/types";
import { useI18n, type MessageKey } from "../i18n";
import { formatAmount, formatRate } from "../money/decimal";

function Figure({ label, value, unit, testId }: { label: string; value: string; unit?: string; testId?: string }) {
  return (
    <div className="figure">
      <div className="figure-label">{label}</div>
      <div className="figure-value num" data-testid={testId}>
        {value}
        {unit && <span className="figure-unit">{unit}</span>}
      </div>
    </div>
  );
}

export function QuoteSummary({ quote, currency }: { quote: QuoteResponse; currency: string }) {
  const { t } = useI18n();
  const { totals } = quote;
  const figures: { label: MessageKey; value: string | undefined; testId: string }[] = [
    { label: "calc.totalPayment", value: totals.payment, testId: "total-payment" },
    { label: "calc.totalInterest", value: totals.interest, testId: "total-interest" },
    { label: "calc.totalPrincipal", value: totals.principal, testId: "total-principal" },
    { label: "calc.totalFees", value: totals.fees, testId: "total-fees" },
    { label: "calc.levelAmount", value: quote.level_amount, testId: "level-amount" },
    { label: "calc.netDisbursement", value: quote.net_disbursement, testId: "net-disbursement" },
  ];
  return (
    <Row gutter={[16, 12]} className="quote-summary" align="middle">
      <Col xs={24} md={8}>
        <div className="apr-block">
          <div className="apr-label">{t("calc.apr")}</div>
          <Tooltip title={totals.apr}>
            <div className="apr-value num" data-testid="quote-apr">
              {formatRate(totals.apr)}
            </div>
          </Tooltip>
          <div className="apr-meta">{t("calc.periods", { count: quote.installments.length })}</div>
        </div>
      </Col>
      <Col xs={24} md={16}>
        <Row gutter={[16, 12]}>
          {figures
            .filter((f) => f.value !== undefined)
            .map((f) => (
              <Col xs={12} sm={8} key={f.label}>
                <Figure label={t(f.label)} value={formatAmount(f.value as string, currency)} unit={currency} testId={f.testId} />
              </Col>
            ))}
        </Row>
      </Col>
    </Row>
  );
}
