/**
 * A table over a list the API pages by cursor: its error state (with retry), the rows, an empty
 * state, and previous / next under it. Every other table setting passes through.
 */
import { Table, type TableProps } from "antd";

import type { CursorPages } from "../api/useCursorPages";
import { CursorPager } from "./CursorPager";
import { EmptyState, ErrorState } from "./States";

type Passed<T> = Omit<TableProps<T>, "dataSource" | "loading" | "pagination" | "locale">;

export function CursorTable<T extends object>({ list, empty, ...table }: Passed<T> & {
  list: CursorPages<T>;
  /** what the empty state says */
  empty: string;
}) {
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Table<T>
        {...table}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: <EmptyState description={empty} /> }}
      />
      <CursorPager pageIndex={list.pageIndex} hasNext={list.hasNext} loading={list.loading} onPrev={list.prev} onNext={list.next} />
    </>
  );
}
