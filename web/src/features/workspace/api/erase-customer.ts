import { useMutation, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "./invalidate";
import { api, unwrap } from "@/lib/api-client";

/** Erases the customer's personal data in every service (customers:delete); the name typed confirms it. */
export function useEraseCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmName: string) => unwrap(api.POST("/api/customers/{customer_id}/erase", {
      params: { path: { customer_id: customerId } }, body: { confirm_name: confirmName },
    })),
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}
