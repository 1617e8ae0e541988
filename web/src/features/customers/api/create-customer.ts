import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type CustomerIn = components["schemas"]["CustomersCustomerIn"];

export function createCustomer(body: CustomerIn) {
  return unwrap(api.POST("/api/customers", { body }));
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCustomer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["customers"] }),
  });
}
