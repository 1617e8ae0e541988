import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { pageUrl, type ChannelFilter, type CommPage } from "./feed";
import { api, getJson, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type CustomerSummary = components["schemas"]["CustomersCustomerSummaryOut"];

/** Inbound calls, texts and emails that matched no customer, newest first. */
export function useUnmatched(channel: ChannelFilter) {
  return useInfiniteQuery({
    queryKey: ["unmatched", channel],
    queryFn: ({ pageParam }) => getJson<CommPage>(pageUrl("/api/unmatched", channel, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

/** Customers a search finds, for the picker an unmatched item is assigned with. */
export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: ["customers", { q, limit: 8 }],
    queryFn: () => unwrap(api.GET("/api/customers", { params: { query: { q, limit: 8 } } })),
    enabled: q.trim().length >= 2,
  });
}

/** Gives an item (and the rest of its text conversation) to a customer: it leaves the inbox for their feed. */
export function useAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, customerId }: { id: string; customerId: string }) =>
      unwrap(api.POST("/api/unmatched/{communication_id}/assign", {
        params: { path: { communication_id: id } }, body: { customer_id: customerId },
      })),
    onSuccess: (_comm, { customerId }) => Promise.all([
      queryClient.invalidateQueries({ queryKey: ["unmatched"] }),
      queryClient.invalidateQueries({ queryKey: ["customer", customerId] }),
      queryClient.invalidateQueries({ queryKey: ["workspace", customerId] }),
    ]),
  });
}
