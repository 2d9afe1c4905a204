/**
 * Manual journals, maker-checker: the checkers' queue of proposals (pending first), and opening one
 * by the number its maker passes on.
 */
import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Space, Typography } from "antd";
import { useNavigate } from "react-router";

import { useAuth } from "../../auth/AuthProvider";
import { useI18n } from "../../i18n";
import { canPost } from "../../ledger/permissions";
import { ProposalQueue } from "./ProposalQueue";

export function JournalTab() {
  const { me } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ id: string }>();

  return (
    <div className="sys-stack">
      <Alert type="info" showIcon title={t("ledger.journal.intro")} />
      {canPost(me?.roles ?? []) && (
        <div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/ledger/proposals/new")} data-testid="proposal-new">
            {t("ledger.journal.new")}
          </Button>
        </div>
      )}
      <ProposalQueue />
      <div>
        <Typography.Title level={5}>{t("ledger.journal.openTitle")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("ledger.journal.noList")}</Typography.Paragraph>
        <Form
          form={form}
          layout="inline"
          onFinish={({ id }) => navigate(`/ledger/proposals/${encodeURIComponent(id.trim())}`)}
        >
          <Space wrap align="start">
            <Form.Item
              name="id"
              rules={[{ required: true, whitespace: true, message: t("ledger.journal.openRequired") }]}
              style={{ marginInlineEnd: 0 }}
            >
              <Input placeholder={t("ledger.journal.openPlaceholder")} aria-label={t("ledger.journal.openPlaceholder")} style={{ width: 260, maxWidth: "100%" }} data-testid="proposal-open-id" />
            </Form.Item>
            <Button htmlType="submit" data-testid="proposal-open">{t("sys.open")}</Button>
          </Space>
        </Form>
      </div>
    </div>
  );
}
