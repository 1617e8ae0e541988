import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components, paths } from "@/lib/api-types";

export type CustomerSummary = components["schemas"]["CustomersCustomerSummaryOut"];
export type CustomerQuery = NonNullable<paths["/api/customers"]["get"]["parameters"]["query"]>;

export function getCustomers(query: CustomerQuery) {
  return unwrap(api.GET("/api/customers", { params: { query } }));
}

export function useCustomers(query: CustomerQuery) {
  return useQuery({
    queryKey: ["customers", query],
    queryFn: () => getCustomers(query),
    placeholderData: keepPreviousData,
  });
}
