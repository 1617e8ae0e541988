import { useMutation, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "./invalidate";
import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type CustomerPatch = components["schemas"]["CustomersCustomerPatch"];

export function useUpdateCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerPatch) =>
      unwrap(api.PATCH("/api/customers/{customer_id}", { params: { path: { customer_id: customerId } }, body })),
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}
