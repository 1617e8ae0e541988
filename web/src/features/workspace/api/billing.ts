import { useInfiniteQuery, useQuery } from "@tanstack/react-query";

import { ApiError, api, unwrap } from "@/lib/api-client";

/** The card on file, or null when there is none (the service answers 404). */
export function useCardOnFile(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["customer", customerId, "card"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/card", { params: { path: { customer_id: customerId } } }))
      .catch((error) => { if (error instanceof ApiError && error.status === 404) return null; throw error; }),
    enabled,
  });
}

/** The billing history behind the balance: every invoice, payment and credit with the running balance. */
export function useLedger(customerId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["customer", customerId, "ledger"],
    queryFn: ({ pageParam }) => unwrap(api.GET("/api/customers/{customer_id}/ledger", {
      params: { path: { customer_id: customerId }, query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
    })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    enabled,
  });
}
