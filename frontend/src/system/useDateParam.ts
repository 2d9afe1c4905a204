/** A business date kept in the URL's query (so a reload or a shared link shows the same day), today by default. */
import { useCallback } from "react";
import { useSearchParams } from "react-router";

import { useAuth } from "../auth/AuthProvider";
import { useBusinessDate } from "./BusinessDateProvider";
import { isIsoDate, todayIn } from "./dates";

/**
 * "Today" for the tenant: its business date. Only while that is loading (or when it cannot be read)
 * the tenant's calendar day stands in for it.
 */
export function useTenantToday(): string {
  const { me } = useAuth();
  const { current } = useBusinessDate();
  return current?.business_date ?? todayIn(me?.tenant?.timezone);
}

export function useDateParam(name = "date"): [string, (date: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const today = useTenantToday();
  const value = params.get(name);
  const date = isIsoDate(value) ? value : today;
  const setDate = useCallback(
    (next: string | null) => {
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          if (next && isIsoDate(next)) copy.set(name, next);
          else copy.delete(name);
          return copy;
        },
        { replace: true },
      );
    },
    [name, setParams],
  );
  return [date, setDate];
}
