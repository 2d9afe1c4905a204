/**
 * A list the API pages with an opaque `next` cursor, walked forwards and back. Changing the path
 * (its filters) starts again from the first page.
 */
import { useCallback, useEffect, useState } from "react";

import { useAuth } from "../auth/AuthProvider";
import type { Page } from "./types";

export interface CursorPages<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  pageIndex: number;
  hasNext: boolean;
  next: () => void;
  prev: () => void;
  reload: () => void;
}

export function useCursorPages<T>(path: string): CursorPages<T> {
  const { api } = useAuth();
  // cursors[i] fetches page i of `path`; page 0 has none.
  const [state, setState] = useState<{ path: string; cursors: (string | null)[]; index: number }>({
    path, cursors: [null], index: 0,
  });
  const [page, setPage] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const current = state.path === path ? state : { path, cursors: [null], index: 0 };
  if (current !== state) setState(current);
  const cursor = current.cursors[current.index];
  const index = current.index;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    const separator = path.includes("?") ? "&" : "?";
    api
      .get<Page<T>>(cursor ? `${path}${separator}next=${encodeURIComponent(cursor)}` : path, controller.signal)
      .then((result) => {
        setPage(result);
        setState((s) => {
          if (s.path !== path) return s;
          const cursors = s.cursors.slice(0, index + 1);
          cursors[index + 1] = result.next;
          return { ...s, cursors };
        });
      })
      .catch((e) => {
        if (!controller.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [api, path, cursor, index, attempt]);

  return {
    items: page?.items ?? [],
    loading,
    error,
    pageIndex: index,
    hasNext: Boolean(current.cursors[index + 1]),
    next: useCallback(() => setState((s) => ({ ...s, index: s.index + 1 })), []),
    prev: useCallback(() => setState((s) => ({ ...s, index: Math.max(0, s.index - 1) })), []),
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
