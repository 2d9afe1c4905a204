/** Previous / next under a list the API pages by cursor. */
import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Space, Typography } from "antd";

import { useI18n } from "../i18n";

export function CursorPager({
  pageIndex,
  hasNext,
  loading,
  onPrev,
  onNext,
}: {
  pageIndex: number;
  hasNext: boolean;
  loading: boolean;
  onPrev: () => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  if (pageIndex === 0 && !hasNext) return null;
  return (
    <div className="cursor-pager">
      <Typography.Text type="secondary">{t("pager.page", { page: pageIndex + 1 })}</Typography.Text>
      <Space>
        <Button icon={<LeftOutlined />} disabled={pageIndex === 0 || loading} onClick={onPrev}>
          {t("pager.prev")}
        </Button>
        <Button disabled={!hasNext || loading} onClick={onNext}>
          {t("pager.next")} <RightOutlined />
        </Button>
      </Space>
    </div>
  );
}
