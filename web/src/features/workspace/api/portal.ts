import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, getJson, unwrap } from "@/lib/api-client";

export function useSendPortalInvite(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string | null) => unwrap(api.POST("/api/customers/{customer_id}/portal-invites", {
      params: { path: { customer_id: customerId } }, body: { email },
    })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["customer", customerId, "portal-invites"] }),
  });
}

export type PortalSection = { status: string; items?: Record<string, unknown>[] };
export type PortalView = {
  customer: { name: string; company?: string | null; properties?: { id: string; line1: string; city: string; region: string }[] };
  [section: string]: unknown;
};

/** What the customer sees in the portal, limited to the sections this staff user may see. */
export function usePortalView(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["customer", customerId, "portal-view"],
    queryFn: () => getJson<PortalView>(`/api/customers/${customerId}/portal-view`),
    enabled,
  });
}
