/** Every change of a product's versions: who, when, from → to, and why — newest first. */
import { ArrowRightOutlined } from "@ant-design/icons";
import { Tag, Timeline, Typography } from "antd";

import { useI18n, type MessageKey } from "../i18n";
import { formatInstant } from "./format";
import { StatusTag } from "./labels";
import type { Transition } from "./types";

const ACTION_COLORS: Record<Transition["action"], string> = {
  create: "gray",
  submit: "blue",
  approve: "green",
  reject: "red",
  activate: "green",
  suspend: "orange",
  retire: "gray",
};

export function TransitionTimeline({ history, highlight }: { history: Transition[]; highlight?: number }) {
  const { t } = useI18n();
  const items = [...history].reverse();
  return (
    <Timeline
      className="transition-timeline"
      data-testid="transition-timeline"
      items={items.map((entry, i) => ({
        key: i,
        color: ACTION_COLORS[entry.action],
        content: (
          <div
            className={`transition-entry${highlight === entry.version ? " is-current" : ""}`}
            data-testid="transition"
            data-action={entry.action}
            data-version={entry.version}
          >
            <div className="transition-head">
              <Typography.Text strong>{t(`pf.action.${entry.action}` as MessageKey)}</Typography.Text>
              <Tag className="mini-tag">v{entry.version}</Tag>
              <span className="transition-states">
                {entry.from ? <StatusTag status={entry.from} /> : <span className="muted">—</span>}
                <ArrowRightOutlined className="muted" />
                <StatusTag status={entry.to} />
              </span>
            </div>
            <div className="transition-meta">
              <span data-testid="transition-by">{entry.by.username}</span>
              <span className="num">{formatInstant(entry.at)}</span>
            </div>
            {entry.reason && <div className="transition-reason">{entry.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
