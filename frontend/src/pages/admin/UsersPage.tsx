/**
 * Users and roles: a tenant's staff as its admin sees them (`/v1/users`), inviting (a temporary
 * password shown once), editing roles, disabling and enabling, and every change with its before and
 * after — per user in a drawer, tenant-wide in the change log tab.
 */
import { HistoryOutlined, ReloadOutlined, UserAddOutlined } from "@ant-design/icons";
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Modal, Space, Tabs, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";

import { ApiError, errorMessage } from "../../api/errors";
import type { Role, TenantKind } from "../../api/types";
import { useCursorPages } from "../../api/useCursorPages";
import { useAuth } from "../../auth/AuthProvider";
import { CursorTable } from "../../components/CursorTable";
import { PageHeader } from "../../components/PageHeader";
import { showFieldErrors } from "../../forms/serverErrors";
import { useI18n, type MessageKey, type Translate } from "../../i18n";
import { formatInstant } from "../../products/format";

export interface StaffUser {
  id: string;
  username: string;
  email: string | null;
  display_name: string;
  roles: Role[];
  status: "enabled" | "disabled";
  created_at: string;
  created_by: { user_id: string; username: string };
  last_sign_in_at: string | null;
}

interface UserState {
  roles: Role[];
  enabled: boolean;
}

export interface UserChange {
  id: string;
  user_id: string;
  username: string;
  action: "invite" | "roles" | "disable" | "enable";
  actor: { user_id: string; username: string };
  at: string;
  before: UserState | null;
  after: UserState;
}

/** A test id on an Ant Design button rendered for us (a modal's OK button). */
function testId(id: string): Record<`data-${string}`, string> {
  return { "data-testid": id };
}

/** The staff roles a tenant of this kind has (the API refuses any other with 422). */
export function rolesForKind(kind: TenantKind | undefined): Role[] {
  if (kind === "platform") return ["platform-admin"];
  if (kind === "group") return ["group-admin", "group-risk"];
  return ["tenant-admin", "product-manager", "loan-officer", "first-reviewer", "second-reviewer", "finance",
    "collector", "viewer"];
}

function RoleTags({ roles, t }: { roles: readonly Role[]; t: Translate }) {
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((r) => <Tag key={r}>{t(`role.${r}` as MessageKey)}</Tag>)}
    </Space>
  );
}

function stateText(state: UserState | null, t: Translate): string {
  if (!state) return "—";
  const roles = state.roles.map((r) => t(`role.${r}` as MessageKey)).join("、");
  return t("users.state", { roles: roles || "—", status: t(state.enabled ? "users.status.enabled" : "users.status.disabled") });
}

function ChangesTable({ path, showUser }: { path: string; showUser: boolean }) {
  const { t } = useI18n();
  const list = useCursorPages<UserChange>(path);
  const columns: TableColumnsType<UserChange> = [
    { title: t("users.change.col.at"), dataIndex: "at", width: 150, render: (at: string) => <span className="num">{formatInstant(at)}</span> },
    ...(showUser ? [{ title: t("users.change.col.user"), dataIndex: "username", width: 200 }] : []),
    { title: t("users.change.col.action"), dataIndex: "action", width: 110,
      render: (a: string) => <Tag>{t(`users.action.${a}` as MessageKey)}</Tag> },
    { title: t("users.change.col.actor"), key: "actor", width: 200, render: (_, c) => c.actor.username },
    { title: t("users.change.col.before"), key: "before", render: (_, c) => stateText(c.before, t) },
    { title: t("users.change.col.after"), key: "after", render: (_, c) => stateText(c.after, t) },
  ];
  return (
    <CursorTable<UserChange> list={list} empty={t("users.changes.empty")} rowKey="id" size="small" columns={columns}
      scroll={{ x: 800 }} data-testid="user-changes" />
  );
}

interface InviteValues {
  username: string;
  display_name: string;
  email?: string;
  roles: Role[];
}

function InviteDialog({ kind, onClose, onInvited }: {
  kind: TenantKind | undefined; onClose: () => void; onInvited: (user: StaffUser, password: string | null) => void;
}) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const [form] = Form.useForm<InviteValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    let values: InviteValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const email = values.email?.trim();
      const made = await api.post<{ user: StaffUser; temporary_password: string | null }>("/v1/users", {
        username: values.username.trim(), display_name: values.display_name.trim(), roles: values.roles,
        ...(email ? { email } : {}),
      });
      onInvited(made.user, made.temporary_password);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const { unplaced } = showFieldErrors(form, error.fieldErrors, locale);
        setFailure(unplaced.length === 0 ? t("valid.fixErrors") : errorMessage(error, locale));
      } else {
        setFailure(errorMessage(error, locale));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t("users.form.title")} okText={t("users.form.submit")} okButtonProps={{ loading: busy, ...testId("invite-submit") }}
      cancelText={t("sys.cancel")} onOk={submit} onCancel={onClose} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="invite-error" />}
      <Form form={form} layout="vertical" initialValues={{ roles: [] }} data-testid="invite-form">
        <Form.Item name="username" label={t("users.form.username")} extra={t("users.form.usernameHint")}
          rules={[{ required: true, message: t("users.form.required") },
            { pattern: /^[\w.+@-]{3,128}$/, message: t("users.form.usernameInvalid") }]}>
          <Input autoFocus autoComplete="off" data-testid="invite-username" />
        </Form.Item>
        <Form.Item name="display_name" label={t("users.form.displayName")}
          rules={[{ required: true, whitespace: true, message: t("users.form.required") }, { max: 100 }]}>
          <Input data-testid="invite-name" />
        </Form.Item>
        <Form.Item name="email" label={t("users.form.email")}
          rules={[{ pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, message: t("users.form.emailInvalid") }]}>
          <Input data-testid="invite-email" />
        </Form.Item>
        <Form.Item name="roles" label={t("users.form.roles")} extra={t("users.form.rolesHint")}
          rules={[{ type: "array", min: 1, required: true, message: t("users.form.rolesRequired") }]}>
          <Checkbox.Group data-testid="invite-roles"
            options={rolesForKind(kind).map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RolesDialog({ user, kind, onClose, onSaved }: {
  user: StaffUser; kind: TenantKind | undefined; onClose: () => void; onSaved: (u: StaffUser) => void;
}) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const options = Array.from(new Set([...rolesForKind(kind), ...user.roles]));

  async function save() {
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await api.request<StaffUser>("PUT", `/v1/users/${encodeURIComponent(user.id)}/roles`, { roles }));
    } catch (error) {
      setFailure(errorMessage(error, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t("users.roles.title", { user: user.username })} okText={t("users.roles.save")}
      okButtonProps={{ loading: busy, disabled: roles.length === 0, ...testId("roles-save") }}
      cancelText={t("sys.cancel")} onOk={save} onCancel={onClose} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="roles-error" />}
      <Checkbox.Group value={roles} onChange={(v) => setRoles(v as Role[])} data-testid="roles-edit"
        options={options.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
    </Modal>
  );
}

export function UsersPage() {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const list = useCursorPages<StaffUser>("/v1/users");
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<{ user: StaffUser; password: string | null } | null>(null);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const [history, setHistory] = useState<StaffUser | null>(null);
  const [tab, setTab] = useState("users");
  const kind = me?.kind;

  async function toggle(user: StaffUser) {
    const enabling = user.status === "disabled";
    try {
      await api.post<StaffUser>(`/v1/users/${encodeURIComponent(user.id)}/${enabling ? "enable" : "disable"}`, undefined);
      message.success(t(enabling ? "users.enabled" : "users.disabled", { user: user.username }));
      list.reload();
    } catch (error) {
      message.error(errorMessage(error, locale));
    }
  }

  function confirmDisable(user: StaffUser) {
    modal.confirm({
      title: t("users.disableConfirm", { user: user.username }),
      okText: t("users.disable"),
      okButtonProps: { danger: true, ...testId("disable-confirm") },
      cancelText: t("sys.cancel"),
      onOk: () => toggle(user),
    });
  }

  const columns: TableColumnsType<StaffUser> = [
    { title: t("users.col.username"), dataIndex: "username", width: 230, render: (name: string, u) => (
      <Space size={4}>
        <Typography.Text>{name}</Typography.Text>
        {u.id === me?.user_id && <Tag color="blue">{t("users.you")}</Tag>}
      </Space>
    ) },
    { title: t("users.col.name"), dataIndex: "display_name", width: 140 },
    { title: t("users.col.roles"), key: "roles", render: (_, u) => <RoleTags roles={u.roles} t={t} /> },
    { title: t("users.col.status"), dataIndex: "status", width: 90, render: (s: string) => (
      <Tag color={s === "enabled" ? "success" : "default"}>{t(`users.status.${s}` as MessageKey)}</Tag>
    ) },
    { title: t("users.col.lastSignIn"), dataIndex: "last_sign_in_at", width: 150, responsive: ["md"],
      render: (at: string | null) => <span className="num">{at ? formatInstant(at) : t("users.never")}</span> },
    { title: t("users.col.actions"), key: "actions", width: 250, render: (_, u) => (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => setEditing(u)} data-testid="user-edit-roles">{t("users.editRoles")}</Button>
        {u.status === "enabled" ? (
          <Button type="link" size="small" danger onClick={() => confirmDisable(u)} disabled={u.id === me?.user_id}
            data-testid="user-disable">{t("users.disable")}</Button>
        ) : (
          <Button type="link" size="small" onClick={() => toggle(u)} data-testid="user-enable">{t("users.enable")}</Button>
        )}
        <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(u)} data-testid="user-history">
          {t("users.history")}
        </Button>
      </Space>
    ) },
  ];

  return (
    <>
      <PageHeader title={t("users.title")} subtitle={t("users.subtitle")} extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="user-invite">
            {t("users.invite")}
          </Button>
        </Space>
      } />
      {invited && (
        <Alert type="success" showIcon closable onClose={() => setInvited(null)} style={{ marginBottom: 16 }}
          data-testid="user-invited" title={t("users.invited.title", { user: invited.user.username })}
          description={invited.password && (
            <Space direction="vertical">
              <span>{t("users.invited.body")}</span>
              <span>
                {t("users.invited.password")}:{" "}
                <Typography.Text code copyable data-testid="user-temporary-password">{invited.password}</Typography.Text>
              </span>
            </Space>
          )} />
      )}
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
        { key: "users", label: t("users.tab.users"), children: (
          <div className="table-card">
            <CursorTable<StaffUser> list={list} empty={t("users.empty")} rowKey="id" size="small" columns={columns}
              scroll={{ x: 1000 }} data-testid="users-table" />
          </div>
        ) },
        { key: "changes", label: t("users.tab.changes"), children: <ChangesTable path="/v1/user-changes" showUser /> },
      ]} />
      {inviting && (
        <InviteDialog kind={kind} onClose={() => setInviting(false)} onInvited={(user, password) => {
          setInviting(false);
          setInvited({ user, password });
          list.reload();
        }} />
      )}
      {editing && (
        <RolesDialog user={editing} kind={kind} onClose={() => setEditing(null)} onSaved={(u) => {
          setEditing(null);
          message.success(t("users.rolesSaved", { user: u.username }));
          list.reload();
        }} />
      )}
      <Drawer open={history !== null} onClose={() => setHistory(null)} width={820} destroyOnHidden
        title={history ? t("users.history.title", { user: history.username }) : ""}>
        {history && <ChangesTable path={`/v1/users/${encodeURIComponent(history.id)}/history`} showUser={false} />}
      </Drawer>
    </>
  );
}
