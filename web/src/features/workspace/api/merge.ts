import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "./invalidate";
import { api, unwrap } from "@/lib/api-client";

/** Customers the service thinks are the same person (phone, email, name and address). */
export function useDuplicates(customerId: string, enabled = true) {
  return useQuery({
    queryKey: ["customer", customerId, "duplicates"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/duplicates", { params: { path: { customer_id: customerId } } })),
    enabled,
  });
}

/** Candidates for a merge found by the list's search, without this customer. */
export function useMergeCandidates(customerId: string, q: string) {
  return useQuery({
    queryKey: ["customers", { q, limit: 8 }],
    queryFn: () => unwrap(api.GET("/api/customers", { params: { query: { q: q.slice(0, 200), limit: 8 } } })),
    enabled: q.trim().length >= 2,
    select: (page) => (page.items ?? []).filter((c) => c.id !== customerId),
  });
}

/** Merges a duplicate into this customer: its records move here; the answer says what moved. */
export function useMerge(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (duplicateId: string) => unwrap(api.POST("/api/customers/{customer_id}/merge", {
      params: { path: { customer_id: customerId } }, body: { duplicate_id: duplicateId },
    })),
    onSuccess: (merge) => Promise.all([invalidateCustomer(queryClient, customerId), invalidateCustomer(queryClient, merge.duplicate_id!)]),
  });
}

/** The merges into this customer, newest first, each with whether (and by whom) it was undone. */
export function useMergeHistory(customerId: string) {
  return useQuery({
    queryKey: ["customer", customerId, "merges"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/merges", {
      params: { path: { customer_id: customerId }, query: { limit: 100 } },
    })),
  });
}

/** Who a merged duplicate was: its own record still answers, pointing at the customer it went into. */
export function useCustomerName(customerId: string) {
  return useQuery({
    queryKey: ["customer", customerId, "name"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}", { params: { path: { customer_id: customerId } } })),
    select: (c) => `${c.display_name} (${c.number})`,
    staleTime: 300_000,
  });
}

export function useUndoMerge(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => unwrap(api.POST("/api/merges/{merge_id}/undo", { params: { path: { merge_id: mergeId } } })),
    onSuccess: (merge) => Promise.all([invalidateCustomer(queryClient, customerId), invalidateCustomer(queryClient, merge.duplicate_id!)]),
  });
}
