/**
 * Put the API's field errors (`error.details.errors[].field`) on the form fields they name.
 *
 * A field path names a form field when it is that field's name path written with dots
 * (`definition.terms.amount.max` ↔ `["definition", "terms", "amount", "max"]`). A path naming a
 * group (`definition.terms.balloon_rate`) lands on the group's first field; a path deeper than any
 * field (`definition.channels.1`) on the nearest field above it. What names no field on screen is
 * returned, for the page to list above the form.
 */
import type { FormInstance } from "antd";

import { fieldMessage } from "../api/errors";
import type { FieldError } from "../api/types";
import type { Locale } from "../i18n";

type NamePath = (string | number)[];

export interface Placement {
  /** dotted field → the form field's name path */
  placed: Map<string, NamePath>;
  unplaced: FieldError[];
}

/** Which registered field each error belongs on (pure: the registered names come in). */
export function placeErrors(errors: FieldError[], registered: NamePath[]): Placement {
  const byDotted = new Map(registered.map((name) => [name.join("."), name]));
  const names = [...byDotted.keys()];
  const placed = new Map<string, NamePath>();
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const path = error.field;
    const target =
      byDotted.has(path)
        ? path
        : names.find((name) => name.startsWith(path + ".")) ??
          names.filter((name) => path.startsWith(name + ".")).sort((a, b) => b.length - a.length)[0];
    if (target) placed.set(error.field, byDotted.get(target) as NamePath);
    else unplaced.push(error);
  }
  return { placed, unplaced };
}

/**
 * Show `errors` on `form`'s fields, in the user's language where we know the message; returns the
 * errors no field shows and the first field that got one (to scroll to).
 */
export function showFieldErrors(
  form: FormInstance,
  errors: FieldError[],
  locale: Locale,
): { unplaced: FieldError[]; first: NamePath | null } {
  const registered = form.getFieldsError().map((f) => f.name as NamePath);
  const { placed, unplaced } = placeErrors(errors, registered);
  const messages = new Map<string, { name: NamePath; errors: string[] }>();
  for (const error of errors) {
    const name = placed.get(error.field);
    if (!name) continue;
    const key = name.join(".");
    const entry = messages.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldMessage(error.message, locale, error.type));
    messages.set(key, entry);
  }
  form.setFields([...messages.values()].map(({ name, errors: list }) => ({ name, errors: list })));
  const first = [...messages.values()][0]?.name ?? null;
  return { unplaced, first };
}
