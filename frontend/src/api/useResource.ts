/** GET one resource for a page: data, loading, error and a reload, aborting when the path changes. */
import { useCallback, useEffect, useState } from "react";

import { useAuth } from "../auth/AuthProvider";

export interface Resource<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Replace the data with what a write returned, without another round trip. */
  setData: (data: T) => void;
}

export function useResource<T>(path: string | null): Resource<T> {
  const { api } = useAuth();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api
      .get<T>(path, controller.signal)
      .then((result) => setData(result))
      .catch((e) => {
        if (!controller.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [api, path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, error, reload, setData };
}
