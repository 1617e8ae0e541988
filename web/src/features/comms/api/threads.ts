import { useInfiniteQuery } from "@tanstack/react-query";

import { whileInFlight, type CommPage } from "./feed";
import { getJson } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type Thread = components["schemas"]["CommsThreadOut"];

/** The customer's text conversations, the most recently active first. */
export function useThreads(customerId: string) {
  return useInfiniteQuery({
    queryKey: ["customer", customerId, "threads"],
    queryFn: ({ pageParam }) => getJson<{ items: Thread[]; next_cursor?: string | null }>(
      `/api/customers/${customerId}/threads?limit=10${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

/** One conversation's texts, newest first as the API pages them (the page shows them oldest at the top). */
export function useThreadMessages(customerId: string, threadId: string) {
  return useInfiniteQuery({
    queryKey: ["customer", customerId, "thread", threadId],
    queryFn: ({ pageParam }) => getJson<CommPage>(
      `/api/threads/${threadId}/messages?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    refetchInterval: (query) => whileInFlight(query.state.data),
  });
}
