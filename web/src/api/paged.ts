// Cursor-paginated lists ("Load more"): every Kith list answers { items, nextCursor }.
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from './client';
import type { Page } from './types';

export function usePagedQuery<Item>(options: {
  queryKey: readonly unknown[];
  path: string;
  query?: QueryParams;
  limit?: number;
  enabled?: boolean;
}) {
  return useInfiniteQuery({
    queryKey: options.queryKey,
    enabled: options.enabled ?? true,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Item>>(options.path, {
        query: { ...options.query, limit: options.limit ?? 50, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** All the items loaded so far, in order. */
export function itemsOf<Item>(data: InfiniteData<Page<Item>> | undefined): Item[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
