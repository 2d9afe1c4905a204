/**
 * The signed-in frame: side navigation filtered by role (a drawer on narrow screens), and a header
 * that always shows the tenant, its business date (when it has one), the user's roles, the language
 * switch and sign-out.
 */
import { BankOutlined, CalendarOutlined, LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Drawer, Layout, Menu, Tag, Tooltip, Typography } from "antd";
import type { MenuProps } from "antd";
import { useMemo, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";

import { useAuth } from "../auth/AuthProvider";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { localizedName, useI18n, type MessageKey } from "../i18n";
import { itemForPath, navFor, SECTIONS } from "../nav/menu";
import { useBusinessDate } from "../system/BusinessDateProvider";
import { NAV_ICONS } from "./icons";
import { useMediaQuery } from "./useMediaQuery";

const SIDER_WIDTH = 216;

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  return (
    <div className="brand" aria-label={t("app.name")}>
      <span className="brand-mark">金</span>
      {!collapsed && (
        <span className="brand-text">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </span>
      )}
    </div>
  );
}

/** The tenant's business date; nothing at all when it has none or it could not be read. */
function BusinessDateBadge({ narrow, medium }: { narrow: boolean; medium: boolean }) {
  const { t } = useI18n();
  const { current } = useBusinessDate();
  if (!current) return null;
  const hint = (
    <>
      <div>{t("header.businessDateHint", { timezone: current.timezone })}</div>
      <div>
        {current.last_closed_on
          ? t("header.lastClosedOn", { date: current.last_closed_on })
          : t("header.noneClosed")}
      </div>
      {current.closing_on && <div>{t("header.closingOn", { date: current.closing_on })}</div>}
      {current.time_travel && <div>{t("header.timeTravel")}</div>}
    </>
  );
  return (
    <Tooltip title={hint}>
      <span className="header-business-date" aria-label={`${t("header.businessDate")} ${current.business_date}`}>
        {!narrow && <CalendarOutlined />}
        {!medium && <span className="header-business-date-label">{t("header.businessDate")}</span>}
        <span className="header-business-date-value" data-testid="business-date">{current.business_date}</span>
      </span>
    </Tooltip>
  );
}

export function AppShell() {
  const { me, logout } = useAuth();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = useMediaQuery("(max-width: 767px)");
  const medium = useMediaQuery("(max-width: 1199px)");
  const [collapsedByUser, setCollapsedByUser] = useState<boolean | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const collapsed = collapsedByUser ?? medium;

  const roles = me?.roles ?? [];
  const menuItems = useMemo<MenuProps["items"]>(() => {
    const visible = navFor(roles);
    return SECTIONS.map((section) => ({
      type: "group" as const,
      key: section.key,
      label: t(section.label),
      children: visible
        .filter((item) => item.section === section.key)
        .map((item) => ({
          key: item.path,
          icon: NAV_ICONS[item.key] ?? NAV_ICONS.default,
          label: <span data-testid={`nav-${item.key}`}>{t(item.label)}</span>,
        })),
    })).filter((group) => group.children.length > 0);
  }, [roles, t]);

  const selected = itemForPath(location.pathname)?.path;
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={menuItems}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        navigate(key);
        setDrawerOpen(false);
      }}
      data-testid="side-nav"
    />
  );

  const tenantName = localizedName(me?.tenant.name, locale);
  const roleNames = roles.map((role) => t(`role.${role}` as MessageKey));

  return (
    <Layout className="app-layout">
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 24}
          closable={false}
          className="nav-drawer"
          styles={{ body: { padding: 0 } }}
        >
          <Brand collapsed={false} />
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          width={SIDER_WIDTH}
          collapsedWidth={64}
          collapsed={collapsed}
          trigger={null}
          className="app-sider"
        >
          <Brand collapsed={collapsed} />
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <Button
            type="text"
            className="header-toggle"
            aria-label={narrow ? t("header.menu") : collapsed ? t("header.expand") : t("header.collapse")}
            icon={narrow ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => (narrow ? setDrawerOpen(true) : setCollapsedByUser(!collapsed))}
            data-testid="nav-toggle"
          />
          <div className="header-tenant">
            <BankOutlined className="header-tenant-icon" />
            <Typography.Text strong ellipsis className="header-tenant-name" data-testid="tenant-name" title={tenantName}>
              {tenantName}
            </Typography.Text>
            {me && !narrow && <Tag className="header-kind">{t(`tenantKind.${me.tenant.kind}` as MessageKey)}</Tag>}
          </div>
          <div className="header-user">
            <BusinessDateBadge narrow={narrow} medium={medium} />
            <Tooltip title={`${t("header.roles")}: ${roleNames.join("、")}`}>
              <span className="header-roles" data-testid="user-roles">
                {roleNames.map((name, i) => (
                  <Tag key={roles[i]} color="blue" variant="filled" data-role={roles[i]}>
                    {name}
                  </Tag>
                ))}
              </span>
            </Tooltip>
            {!narrow && (
              <span className="header-username" data-testid="username" title={me?.username}>
                <UserOutlined /> {me?.username}
              </span>
            )}
            <LanguageSwitch compact={narrow} />
            <Button
              type="text"
              icon={<LogoutOutlined />}
              onClick={() => {
                logout();
                navigate("/login", { replace: true });
              }}
              data-testid="logout"
              aria-label={t("header.logout")}
            >
              {!narrow && t("header.logout")}
            </Button>
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
