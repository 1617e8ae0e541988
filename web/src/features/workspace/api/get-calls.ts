import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

/** The customer's recent calls, to link a note to one and show it beside the note. */
export function useCalls(customerId: string) {
  return useQuery({
    queryKey: ["customer", customerId, "calls"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/communications", {
      params: { path: { customer_id: customerId }, query: { channel: "call", limit: 50 } },
    })),
  });
}
