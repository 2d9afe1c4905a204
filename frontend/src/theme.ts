import type { ThemeConfig } from "antd";

/** A restrained, dense theme for a financial console: navy primary, small radii, tabular figures. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1a4fa0",
    colorInfo: "#1a4fa0",
    colorLink: "#1a4fa0",
    borderRadius: 4,
    fontSize: 14,
    colorBgLayout: "#f2f4f7",
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: "#ffffff", headerHeight: 56, headerPadding: "0 16px", siderBg: "#0f2344" },
    Menu: { darkItemBg: "#0f2344", darkSubMenuItemBg: "#0b1b36", darkItemSelectedBg: "#1a4fa0", itemHeight: 40 },
    Table: { headerBg: "#f5f7fa", cellPaddingBlockSM: 6, cellPaddingInlineSM: 10 },
    Card: { headerFontSize: 15, bodyPadding: 16, headerHeight: 46 },
    Form: { itemMarginBottom: 14, verticalLabelPadding: "0 0 4px" },
  },
};
