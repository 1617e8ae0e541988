import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components, paths } from "@/lib/api-types";

export type CustomerSummary = components["schemas"]["CustomersCustomerSummaryOut"];
export type CustomerQuery = NonNullable<paths["/api/customers"]["get"]["parameters"]["query"]>;

export function getCustomers(query: CustomerQuery, signal?: AbortSignal) {
  return unwrap(api.GET("/api/customers", { params: { query }, signal }));
}

/** The search box asks on every pause in typing: a question the next letter made stale is cancelled. */
export function useCustomers(query: CustomerQuery) {
  return useQuery({
    queryKey: ["customers", query],
    queryFn: ({ signal }) => getCustomers(query, signal),
    placeholderData: keepPreviousData,
  });
}
