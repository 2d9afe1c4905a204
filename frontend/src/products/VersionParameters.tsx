/** A version's parameters, read-only, section by section (ranges and choices on one line each). */
import { Descriptions, Divider } from "antd";

import { lookup, useI18n, type Locale } from "../i18n";
import { fieldLabel, formatParameter, unitOf } from "./format";
import type { Definition } from "./types";

type Row = { path: string; text: string };

const SECTIONS = [
  ["basic", ["name", "description", "segment", "currency", "channels"]],
  ["terms", ["terms"]],
  ["rate", ["rate"]],
  ["fees", ["fees"]],
  ["penalty", ["penalty", "prepayment", "arrears_tolerance"]],
  ["workflow", ["workflow"]],
  ["risk", ["risk"]],
  ["accounting", ["accounting"]],
] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Leaves of a definition as display rows; a range or a choice is one row, list items by code. */
function rows(value: unknown, path: string, locale: Locale, currency: string): Row[] {
  const show = (p: string, v: unknown) => formatParameter(p, v, locale, currency);
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.includes("min") && keys.includes("max") && keys.every((k) => ["min", "max", "default"].includes(k))) {
      // Counts carry their unit once: "3 – 36 个月".
      const bare = (v: unknown) => formatParameter(`${path}.min`, v, locale, currency, false);
      const unit = unitOf(`${path}.min`, locale);
      const range = unit
        ? `${bare(value.min)} – ${bare(value.max)}${unit === "bp" ? "bp" : ` ${unit}`}`
        : `${show(`${path}.min`, value.min)} – ${show(`${path}.max`, value.max)}`;
      const byDefault = value.default !== undefined ? ` ${defaultNote(locale, show(`${path}.default`, value.default))}` : "";
      return [{ path, text: range + byDefault }];
    }
    if (keys.length === 2 && keys.includes("allowed") && keys.includes("default")) {
      return [{ path, text: `${show(`${path}.allowed`, value.allowed)} ${defaultNote(locale, show(`${path}.default`, value.default))}` }];
    }
    if (keys.length === 2 && keys.includes("zh-CN") && keys.includes("en-US")) {
      return [{ path, text: `${value["zh-CN"]} / ${value["en-US"]}` }];
    }
    return keys.flatMap((k) => rows(value[k], path ? `${path}.${k}` : k, locale, currency));
  }
  if (path === "workflow.documents" && Array.isArray(value)) {
    // A checklist reads best one document a line: its name, and whether it is required.
    return value.filter(isObject).map((doc) => {
      const name = isObject(doc.name) ? `${String(doc.name["zh-CN"])} / ${String(doc.name["en-US"])}` : "";
      const need = lookup(locale, doc.required === false ? "pf.optionalDocument" : "pf.f.documentRequired") ?? "";
      return { path: `${path}.${String(doc.code)}`, text: `${name} · ${need}` };
    });
  }
  if (Array.isArray(value) && value.length > 0 && value.every((v) => isObject(v) && "code" in v)) {
    return value.flatMap((item) => {
      const { code, ...rest } = item as Record<string, unknown>;
      return rows(rest, `${path}.${String(code)}`, locale, currency);
    });
  }
  return [{ path, text: show(path, value) }];
}

function defaultNote(locale: Locale, value: string): string {
  return (lookup(locale, "pf.defaultNote") ?? "({value})").replace("{value}", value);
}

export function VersionParameters({ definition }: { definition: Definition }) {
  const { t, locale } = useI18n();
  const currency = typeof definition.currency === "string" ? definition.currency : "CNY";
  return (
    <div className="version-parameters" data-testid="version-parameters">
      {SECTIONS.map(([key, names]) => {
        const items = names.flatMap((name) =>
          definition[name] === undefined ? [] : rows(definition[name], name, locale, currency),
        );
        if (items.length === 0) return null;
        return (
          <div key={key}>
            <Divider titlePlacement="start" plain className="form-divider">
              {t(`pf.section.${key}`)}
            </Divider>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 }}
              items={items.map((row) => ({
                key: row.path,
                // Inside a section named after one part of the definition, the part's name goes without saying.
                label: fieldLabel(names.length === 1 && row.path.includes(".") ? row.path.slice(row.path.indexOf(".") + 1) : row.path, locale),
                children: <span className="num">{row.text}</span>,
              }))}
            />
          </div>
        );
      })}
    </div>
  );
}
