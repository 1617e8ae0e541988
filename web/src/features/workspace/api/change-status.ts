import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "./invalidate";
import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type LeadStatus = components["schemas"]["CustomersStatusIn"]["to"];

export function useStatusHistory(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["customer", customerId, "status-history"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/status", { params: { path: { customer_id: customerId } } })),
    enabled,
  });
}

export function useChangeStatus(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: LeadStatus) =>
      unwrap(api.POST("/api/customers/{customer_id}/status", { params: { path: { customer_id: customerId } }, body: { to } })),
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}
