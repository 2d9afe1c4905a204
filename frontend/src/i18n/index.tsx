/**
 * The console's two languages, a switch persisted in localStorage, and `t()` over the resource
 * files (zh-CN.ts, en-US.ts). Placeholders are written `{name}`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

import { enUS } from "./en-US";
import { zhCN, type MessageKey, type Messages } from "./zh-CN";

export type Locale = "zh-CN" | "en-US";
export const LOCALES: Locale[] = ["zh-CN", "en-US"];
const STORAGE_KEY = "jinkong.locale";

const RESOURCES: Record<Locale, Messages> = { "zh-CN": zhCN, "en-US": enUS };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "zh-CN" || saved === "en-US") return saved;
  } catch {
    // storage disabled: fall through to the default
  }
  return "zh-CN";
}

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = RESOURCES[locale][key] ?? zhCN[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A key that may not exist (built from an API code or message); undefined when it does not. */
export function lookup(locale: Locale, key: string): string | undefined {
  return (RESOURCES[locale] as Record<string, string>)[key];
}

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // the switch still works for this page view
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${translate(locale, "app.name")} · ${translate(locale, "app.tagline")}`;
  }, [locale]);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}

/** A tenant's name in the current language (the API sends both). */
export function localizedName(name: { "zh-CN": string; "en-US": string } | undefined, locale: Locale): string {
  if (!name) return "";
  return name[locale] || name["zh-CN"] || name["en-US"];
}

export type { MessageKey };
