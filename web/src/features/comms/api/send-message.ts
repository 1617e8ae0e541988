import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { showSent } from "./feed";
import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type MessageIn = components["schemas"]["CommsMessageIn"];
export type Channels = components["schemas"]["CommsChannelsOut"];

/** Sends a text or an email; comms queues it, and the feed shows it at once with its real status. */
export function useSendMessage(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MessageIn) => unwrap(api.POST("/api/messages", { body })),
    onSuccess: (comm) => {
      showSent(queryClient, customerId, comm);
      // Not awaited: the form closes on the API's answer, and the lists catch up behind it.
      void queryClient.invalidateQueries({ queryKey: ["customer", customerId] });
      void queryClient.invalidateQueries({ queryKey: ["workspace", customerId] });
    },
  });
}

/** A failed send queued again from its first attempt. */
export function useRetrySend(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (communicationId: string) =>
      unwrap(api.POST("/api/communications/{communication_id}/retry", { params: { path: { communication_id: communicationId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["customer", customerId] }),
  });
}

/** Which channels can send in this deployment, and why one cannot. */
export function useChannels() {
  return useQuery({ queryKey: ["comms", "channels"], queryFn: () => unwrap(api.GET("/api/channels")), staleTime: 60_000 });
}
