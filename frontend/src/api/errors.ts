/** One error type for everything the console calls (the API and Cognito), localised in one place. */
import { lookup, translate, type Locale } from "../i18n";
import type { FieldError } from "./types";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  /** The error's `details` as the API sent them (the facts behind the code: a date, an amount…). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fieldErrors: FieldError[] = [],
              details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.details = details;
  }

  /** A detail that is a string (an id, a date, a decimal amount), or null. */
  detail(name: string): string | null {
    const value = this.details[name];
    return typeof value === "string" ? value : null;
  }
}

/** The message to show: the localised text for the error code, else the server's own message. */
export function errorMessage(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) {
    const known = lookup(locale, `error.${error.code}`);
    if (known) return known;
    if (error.code.startsWith("cognito.")) return error.message || translate(locale, "error.cognito.unknown");
    return error.message || translate(locale, "error.unknown", { status: error.status });
  }
  if (error instanceof Error && error.message) return error.message;
  return translate(locale, "error.unknown", { status: "?" });
}

/**
 * A field-level message from the server, in the user's language when it is one we know: by its
 * exact text, else (the API writes English) by the kind of problem, with the figures the message
 * gives in parentheses ("must not be less than min (1000.00)" → "不得小于下限（1000.00）").
 */
export function fieldMessage(message: string, locale: Locale, type?: string): string {
  const text = message.replace(/^Value error, /, "");
  const exact = lookup(locale, `fieldError.${text}`);
  if (exact) return exact;
  if (locale !== "en-US" && type) {
    const template = lookup(locale, `fieldErrorType.${type}`);
    if (template) {
      const figures = [...text.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]);
      return template.replace(/\{v(\d)\}/g, (whole, i: string) => figures[Number(i)] ?? whole);
    }
  }
  return text;
}
