import { useInfiniteQuery } from "@tanstack/react-query";

import { getJson } from "@/lib/api-client";

export type Page<T> = { items: T[]; next_cursor?: string | null };

/**
 * One of the workspace's lists past its first page: the workspace's own first page to start with,
 * then the list's route (`/api/customers/<id>/<list>?cursor=…`), one cursor page at a time.
 */
export function useSectionPages<T>(customerId: string, list: string, first: Page<T> | undefined) {
  return useInfiniteQuery({
    queryKey: ["customer", customerId, "list", list],
    queryFn: ({ pageParam }) => getJson<Page<T>>(
      `/api/customers/${customerId}/${list}?limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
    ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    initialData: first ? { pages: [first], pageParams: [null] } : undefined,
    enabled: first !== undefined,
  });
}
