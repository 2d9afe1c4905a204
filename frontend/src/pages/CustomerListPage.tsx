/** The tenant's customers, newest first: identities masked, filtered by type. */
import { ReloadOutlined, UserAddOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Segmented, Space, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Link, useNavigate, useSearchParams } from "react-router";

import { useCursorPages } from "../api/useCursorPages";
import { useAuth } from "../auth/AuthProvider";
import { CursorTable } from "../components/CursorTable";
import { PageHeader } from "../components/PageHeader";
import { CustomerTypeTag, VerificationTag } from "../customers/labels";
import { canRegister } from "../customers/permissions";
import type { Customer, CustomerType } from "../customers/types";
import { useI18n } from "../i18n";

type TypeFilter = "all" | CustomerType;

export function CustomerListPage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const type = (params.get("type") as CustomerType | null) ?? null;
  const core = params.get("core") === "1";

  const query = new URLSearchParams();
  if (type) query.set("type", type);
  if (core) query.set("core_enterprise", "true");
  const qs = query.toString();
  const list = useCursorPages<Customer>(`/v1/customers${qs ? `?${qs}` : ""}`);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<Customer> = [
    {
      title: t("cust.col.name"),
      key: "name",
      render: (_, row) => (
        <div className="product-cell">
          <Link to={`/customers/${encodeURIComponent(row.id)}`} data-testid={`customer-link-${row.id}`}>
            {row.name}
          </Link>
          <Typography.Text type="secondary" className="code-text">
            {row.id}
          </Typography.Text>
        </div>
      ),
    },
    { title: t("cust.col.type"), dataIndex: "type", width: 100, render: (v: CustomerType) => <CustomerTypeTag type={v} /> },
    {
      title: t("cust.col.identity"),
      key: "identity",
      width: 280,
      render: (_, row) => (
        <span className="identity-cell">
          <span className="muted">{t(`cust.idType.${row.identity_type}` as const)}</span>
          <Typography.Text code className="masked" data-testid="customer-identity-masked">
            {row.identity_masked}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t("cust.col.verification"),
      dataIndex: "verification_level",
      width: 130,
      responsive: ["md"],
      render: (v: Customer["verification_level"]) => <VerificationTag level={v} />,
    },
    { title: t("cust.col.industry"), dataIndex: "industry", width: 90, responsive: ["lg"], render: (v: string | null) => v ?? "—" },
    { title: t("cust.col.region"), dataIndex: "region", width: 100, responsive: ["lg"], render: (v: string | null) => v ?? "—" },
    {
      title: t("cust.col.core"),
      dataIndex: "is_core_enterprise",
      width: 110,
      responsive: ["xl"],
      render: (v: boolean) => (v ? <Tag color="geekblue">{t("cust.coreEnterprise")}</Tag> : "—"),
    },
  ];

  const filtered = Boolean(type || core);
  const types: TypeFilter[] = ["all", "individual", "enterprise"];
  return (
    <>
      <PageHeader
        title={t("cust.title")}
        subtitle={t("cust.subtitle")}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />
            {canRegister(me?.roles ?? []) && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => navigate("/customers/new")} data-testid="customer-new">
                {t("cust.register")}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless" className="table-card list-card">
        <div className="list-toolbar list-toolbar-padded">
          <Segmented<TypeFilter>
            value={type ?? "all"}
            onChange={(v) => setFilter("type", v === "all" ? null : v)}
            options={types.map((v) => ({ value: v, label: t(`cust.filter.${v}` as const) }))}
          />
          <Checkbox checked={core} onChange={(e) => setFilter("core", e.target.checked ? "1" : null)}>
            {t("cust.filter.core")}
          </Checkbox>
        </div>
        <CursorTable<Customer>
          list={list}
          empty={filtered ? t("cust.emptyFiltered") : t("cust.empty")}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 720 }}
          data-testid="customers-table"
        />
      </Card>
    </>
  );
}

