import { useInfiniteQuery } from "@tanstack/react-query";

import type { ActivityItem } from "./get-workspace";
import { getJson } from "@/lib/api-client";

export type TimelinePage = { items: ActivityItem[]; next_cursor?: string | null; status?: string; unavailable?: string[] };

/** The merged timeline (every service's activity for the customer), one cursor page at a time. */
export function useTimeline(customerId: string) {
  return useInfiniteQuery({
    queryKey: ["customer", customerId, "timeline"],
    queryFn: ({ pageParam }) => getJson<TimelinePage>(
      `/api/customers/${customerId}/timeline?limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
    ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}
