import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "@/features/workspace/api/invalidate";
import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

type S = components["schemas"];
export type PriceBookItem = S["BillingPriceBookItemOut"];
export type PriceBookItemIn = S["BillingPriceBookItemIn"];
export type PriceBookItemPatch = S["BillingPriceBookItemPatch"];
export type PricingTable = S["BillingPricingTableOut"];

const key = ["price-book"] as const;

/** The account's price book by name, a page at a time: the live items, or the archived ones. */
export function usePriceBook(q: string, archived = false, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...key, { q, archived }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => unwrap(api.GET("/api/price-book", {
      params: { query: { q: q || undefined, archived, limit: 50, cursor: pageParam } }, signal,
    })),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function useChange<T>(mutationFn: (input: T) => Promise<PriceBookItem>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export function useAddItem() {
  return useChange((body: PriceBookItemIn) => unwrap(api.POST("/api/price-book", { body })));
}

export function useChangeItem() {
  return useChange(({ id, body }: { id: string; body: PriceBookItemPatch }) =>
    unwrap(api.PATCH("/api/price-book/{item_id}", { params: { path: { item_id: id } }, body })));
}

export function useArchiveItem() {
  return useChange((id: string) => unwrap(api.DELETE("/api/price-book/{item_id}", { params: { path: { item_id: id } } })));
}

export function useRestoreItem() {
  return useChange((id: string) => unwrap(api.POST("/api/price-book/{item_id}/restore", { params: { path: { item_id: id } } })));
}

/** Every live item priced at each of the customer's properties, for that property's kind. */
export function usePricingTable(customerId: string, enabled = true) {
  return useQuery({
    queryKey: [...key, "table", customerId],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/pricing-table", { params: { path: { customer_id: customerId } } })),
    enabled,
  });
}

export function useSendPricingTable(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string | null) => unwrap(api.POST("/api/customers/{customer_id}/pricing-table/send", {
      params: { path: { customer_id: customerId } }, body: { email },
    })),
    // The email shows in the communication feed once comms has queued it.
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}
