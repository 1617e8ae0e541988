import { useMutation, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "./invalidate";
import { api, unwrap } from "@/lib/api-client";

export function useArchive(customerId: string, archived: boolean) {
  const queryClient = useQueryClient();
  const path = archived ? "/api/customers/{customer_id}/archive" : "/api/customers/{customer_id}/unarchive";
  return useMutation({
    mutationFn: () => unwrap(api.POST(path, { params: { path: { customer_id: customerId } } })),
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}
