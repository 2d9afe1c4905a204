/**
 * The signed-in tenant's business date, read once for the whole console (the header shows it, pages
 * default their dates to it) and read again when something changes it: an end-of-day run, the
 * business-date control, or the tab coming back into view (the tenant's calendar day may have turned).
 *
 * Pages wait for the first read to settle (see `settled`), so none of them fetches or defaults to a
 * day computed from the browser's clock that the tenant's business date then contradicts. A failed
 * read leaves the date unknown (pages fall back to the tenant's calendar day, the header shows
 * nothing); nothing in the shell depends on it being there.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { useAuth } from "../auth/AuthProvider";
import type { BusinessDate } from "./businessDate";
import { isIsoDate } from "./dates";

interface BusinessDateState {
  /** Null while loading, when the read failed, or for a tenant without one (the platform). */
  current: BusinessDate | null;
  loading: boolean;
  /** The first read has answered (or failed): later refreshes do not unset it. */
  settled: boolean;
  /** Read it again (after an end-of-day run, say). */
  refresh: () => void;
  /** Show what a write (`PUT /v1/business-date`) returned, without another round trip. */
  replace: (next: BusinessDate) => void;
}

const BusinessDateContext = createContext<BusinessDateState | null>(null);

export function BusinessDateProvider({ children }: { children: ReactNode }) {
  const { api, me } = useAuth();
  // The platform tenant runs no business and has no business date: do not ask.
  const tenantId = me && me.tenant.kind !== "platform" ? me.tenant_id : null;
  const [current, setCurrent] = useState<BusinessDate | null>(null);
  const [loading, setLoading] = useState(tenantId !== null);
  const [settledFor, setSettledFor] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // A write's answer is newer than any read still in flight: the read must not overwrite it.
  const generation = useRef(0);
  const tenant = useRef(tenantId);
  tenant.current = tenantId;

  useEffect(() => {
    if (tenantId === null) {
      setCurrent(null);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    const asked = ++generation.current;
    setCurrent((shown) => (shown?.tenant_id === tenantId ? shown : null)); // never another tenant's date
    setLoading(true);
    api
      .get<BusinessDate>("/v1/business-date", controller.signal)
      .then((read) => {
        if (generation.current === asked) setCurrent(isIsoDate(read?.business_date) ? read : null);
      })
      .catch(() => {
        // Unknown for now: pages fall back to the tenant's calendar day, the header shows nothing.
        if (!controller.signal.aborted && generation.current === asked) setCurrent(null);
      })
      .finally(() => {
        if (controller.signal.aborted) return;
        setLoading(false);
        setSettledFor(tenantId);
      });
    return () => controller.abort();
  }, [api, tenantId, attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((next: BusinessDate) => {
    generation.current += 1;
    setCurrent(next);
    setLoading(false);
    setSettledFor(tenant.current);
  }, []);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [refresh]);

  const settled = tenantId === null || settledFor === tenantId;
  const value = useMemo<BusinessDateState>(
    () => ({ current, loading, settled, refresh, replace }),
    [current, loading, settled, refresh, replace],
  );
  return <BusinessDateContext.Provider value={value}>{children}</BusinessDateContext.Provider>;
}

const OUTSIDE: BusinessDateState = { current: null, loading: false, settled: true, refresh: () => {}, replace: () => {} };

/** The business date and how to refresh it; outside the provider (signed out) it is simply unknown. */
export function useBusinessDate(): BusinessDateState {
  return useContext(BusinessDateContext) ?? OUTSIDE;
}
