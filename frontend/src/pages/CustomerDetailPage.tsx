/** One customer: who they are (identity masked — the number itself is never kept), contact, links. */
import { ArrowLeftOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import { Link, useNavigate, useParams } from "react-router";

import { useResource } from "../api/useResource";
import { PageHeader } from "../components/PageHeader";
import { ErrorState, LoadingState } from "../components/States";
import { CustomerTypeTag, VerificationTag } from "../customers/labels";
import type { Customer } from "../customers/types";
import { useI18n } from "../i18n";
import { formatMoney } from "../money/decimal";

export function CustomerDetailPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const customer = useResource<Customer>(`/v1/customers/${encodeURIComponent(id)}`);

  if (customer.error !== null) return <ErrorState error={customer.error} onRetry={customer.reload} />;
  const c = customer.data?.id === id ? customer.data : null;
  if (!c) return <LoadingState />;

  const dash = (v: string | null | undefined) => v || "—";
  const enterprise = c.type === "enterprise";
  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={c.id}
        extra={
          <Space>
            <Button type="primary" data-testid="open-360" onClick={() => navigate(`/customers/${encodeURIComponent(c.id)}/360`)}>
              {t("cust.open360")}
            </Button>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/customers")}>
              {t("cust.backToList")}
            </Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={t("cust.section.identity")} data-testid="customer-detail">
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                { key: "name", label: t(enterprise ? "cust.f.enterpriseName" : "cust.f.name"), children: c.name },
                {
                  key: "type",
                  label: t("cust.f.type"),
                  children: (
                    <Space size={4}>
                      <CustomerTypeTag type={c.type} />
                      {c.is_core_enterprise && <Tag color="geekblue">{t("cust.coreEnterprise")}</Tag>}
                    </Space>
                  ),
                },
                { key: "idType", label: t("cust.f.identityType"), children: t(`cust.idType.${c.identity_type}`) },
                {
                  key: "idNumber",
                  label: t("cust.f.identityNumber"),
                  children: (
                    <Space orientation="vertical" size={2}>
                      <Typography.Text code className="masked" data-testid="customer-identity">
                        {c.identity_masked}
                      </Typography.Text>
                      <Typography.Text type="secondary" className="small-note">
                        <SafetyCertificateOutlined /> {t("cust.maskedNote")}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  key: "hash",
                  label: t("cust.f.groupIdentity"),
                  children: (
                    <Typography.Text className="code-text" copyable={{ text: c.identity_hash }} title={c.identity_hash}>
                      {c.identity_hash.slice(0, 16)}…
                    </Typography.Text>
                  ),
                },
                { key: "level", label: t("cust.f.verification"), children: <VerificationTag level={c.verification_level} /> },
                // A person's birth date is not sent: with the masked number it would narrow the ID to guess.
                ...(enterprise ? [{ key: "established", label: t("cust.f.establishedOn"), children: dash(c.established_on) }] : []),
                ...(enterprise
                  ? []
                  : [
                      {
                        key: "income",
                        label: t("cust.f.annualIncome"),
                        children: c.annual_income ? <span className="num">{formatMoney(c.annual_income)}</span> : "—",
                      },
                    ]),
                { key: "industry", label: t("cust.f.industry"), children: dash(c.industry) },
                { key: "region", label: t("cust.f.region"), children: dash(c.region) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <div className="result-stack">
            <Card variant="borderless" title={t("cust.section.contact")}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: "phone", label: t("cust.f.phone"), children: dash(c.contact.phone) },
                  { key: "email", label: t("cust.f.email"), children: dash(c.contact.email) },
                  { key: "address", label: t("cust.f.address"), children: dash(c.contact.address) },
                ]}
              />
            </Card>
            <Card variant="borderless" title={t("cust.section.related")}>
              {c.related_parties.length === 0 ? (
                <Typography.Text type="secondary">{t("cust.noRelated")}</Typography.Text>
              ) : (
                <ul className="plain-list">
                  {c.related_parties.map((p) => (
                    <li key={p.customer_id + p.relation}>
                      <Tag>{t(`cust.relation.${p.relation as "shareholder" | "guarantor" | "parent"}`)}</Tag>
                      <Link to={`/customers/${encodeURIComponent(p.customer_id)}`}>{p.customer_id}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        </Col>
      </Row>
    </>
  );
}
