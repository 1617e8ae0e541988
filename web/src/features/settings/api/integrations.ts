import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type MapsStatus = components["schemas"]["CustomersMapsStatus"];
export type MessagingStatus = components["schemas"]["CommsMessagingStatus"];

/** Google Maps as the customers service is configured: whether addresses are geocoded, the key's last four. */
export function useMapsStatus() {
  return useQuery({ queryKey: ["settings", "maps"], queryFn: () => unwrap(api.GET("/api/settings/integrations/maps")) });
}

/** Email (SMTP) and SMS as the comms service is configured: whether each can send, and from where. */
export function useMessagingStatus() {
  return useQuery({
    queryKey: ["settings", "messaging"],
    queryFn: () => unwrap(api.GET("/api/settings/integrations/messaging")),
  });
}
