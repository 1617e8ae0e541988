import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";

import { useRefreshBilling } from "./refresh";
import { ApiError, api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

type S = components["schemas"];
export type LedgerEntry = S["BillingLedgerEntryOut"];
export type CardIn = S["BillingCardIn"];

/** Every invoice, payment, credit and refund with the running balance, newest first, a page at a time. */
export function useLedger(customerId: string) {
  return useInfiniteQuery({
    queryKey: ["billing", customerId, "ledger"],
    queryFn: ({ pageParam }) => unwrap(api.GET("/api/customers/{customer_id}/ledger", {
      params: { path: { customer_id: customerId }, query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
    })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useBillingSummary(customerId: string) {
  return useQuery({
    queryKey: ["billing", customerId, "summary"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/billing-summary", { params: { path: { customer_id: customerId } } })),
  });
}

/** The card on file, or null when there is none (the service answers 404). */
export function useCard(customerId: string) {
  return useQuery({
    queryKey: ["billing", customerId, "card"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/card", { params: { path: { customer_id: customerId } } }))
      .catch((error) => { if (error instanceof ApiError && error.status === 404) return null; throw error; }),
  });
}

export function useSetCard(customerId: string) {
  const refresh = useRefreshBilling(customerId);
  return useMutation({
    mutationFn: (body: CardIn) => unwrap(api.PUT("/api/customers/{customer_id}/card", { params: { path: { customer_id: customerId } }, body })),
    onSuccess: refresh,
  });
}

export function useRemoveCard(customerId: string) {
  const refresh = useRefreshBilling(customerId);
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/customers/{customer_id}/card", { params: { path: { customer_id: customerId } } })),
    onSuccess: refresh,
  });
}

export function useSendStatement(customerId: string) {
  return useMutation({
    mutationFn: ({ email, asOf }: { email: string | null; asOf: string | null }) => unwrap(api.POST(
      "/api/customers/{customer_id}/statements", { params: { path: { customer_id: customerId } }, body: { email, as_of: asOf } },
    )),
  });
}
