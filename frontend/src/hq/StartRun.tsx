/** Start a consolidation run for a date (HQ's business date by default, none after it) and open its progress view. */
import { PlayCircleOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Form, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useNavigate } from "react-router";

import { errorMessage } from "../api/errors";
import { useAuth } from "../auth/AuthProvider";
import { useI18n } from "../i18n";
import { useTenantToday } from "../system/useDateParam";
import type { Run } from "./types";

export function StartRun({ compact = false }: { compact?: boolean }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const today = useTenantToday();
  const [asOf, setAsOf] = useState<Dayjs | null>(() => dayjs(today));
  const [busy, setBusy] = useState(false);

  const start = async () => {
    if (!asOf) return;
    setBusy(true);
    try {
      const run = await api.post<Run>("/v1/group/consolidations", { as_of: asOf.format("YYYY-MM-DD") });
      message.success(t("hq.start.started", { date: run.as_of }));
      navigate(`/hq/consolidation/${encodeURIComponent(run.run_id)}`);
    } catch (e) {
      message.error(errorMessage(e, locale));
      setBusy(false);
    }
  };

  return (
    <Form layout="inline" onFinish={start} className="hq-start-run" aria-label={t("hq.start.title")}>
      <Space wrap size={8}>
        <Form.Item label={compact ? undefined : t("hq.start.asOf")} style={{ marginInlineEnd: 0 }}>
          <DatePicker
            value={asOf}
            onChange={setAsOf}
            allowClear={false}
            disabledDate={(d) => d.format("YYYY-MM-DD") > today}
            aria-label={t("hq.start.asOf")}
            data-testid="run-as-of"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={busy} disabled={!asOf} data-testid="run-start">
          {t("hq.start.button")}
        </Button>
      </Space>
    </Form>
  );
}
