import { useMutation, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "./invalidate";
import { api, unwrap } from "@/lib/api-client";

export function useAddTag(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tag: string) =>
      unwrap(api.POST("/api/customers/{customer_id}/tags", { params: { path: { customer_id: customerId } }, body: { tag } })),
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}

export function useRemoveTag(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tag: string) =>
      unwrap(api.DELETE("/api/customers/{customer_id}/tags/{tag}", { params: { path: { customer_id: customerId, tag } } })),
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}
