import { GlobalOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";

import { LOCALES, useI18n, type Locale } from "../i18n";

/** 简体中文 / English; the choice is remembered in localStorage. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{t(`lang.${l}`)}</span> })),
        onClick: ({ key }) => setLocale(key as Locale),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t("lang.switch")} data-testid="lang-switch">
        {!compact && t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}
