import { useMutation, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "./invalidate";
import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type MessageIn = components["schemas"]["CommsMessageIn"];

/** Sends a text or an email; comms queues it, and the feed shows it with its real status. */
export function useSendMessage(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MessageIn) => unwrap(api.POST("/api/messages", { body })),
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}
