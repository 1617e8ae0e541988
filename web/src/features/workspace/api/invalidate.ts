import type { QueryClient } from "@tanstack/react-query";

import { workspaceKey } from "./get-workspace";

/** After any change to a customer: its workspace, its lists and the customers list show it at once. */
export function invalidateCustomer(queryClient: QueryClient, customerId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: workspaceKey(customerId) }),
    queryClient.invalidateQueries({ queryKey: ["customer", customerId] }),
    queryClient.invalidateQueries({ queryKey: ["customers"] }),
  ]);
}
