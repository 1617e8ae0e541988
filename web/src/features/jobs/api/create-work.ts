import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

type S = components["schemas"];
export type JobIn = S["JobsJobIn"];
export type EstimateIn = S["JobsEstimateIn"];
export type LineItemIn = S["JobsLineItemIn"];

/** After new work for a customer: the workspace's tabs, figures and insights show it at once. */
function useRefreshCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ["workspace", customerId] }),
    queryClient.invalidateQueries({ queryKey: ["customer", customerId] }),
  ]);
}

export function useCreateJob(customerId: string) {
  const refresh = useRefreshCustomer(customerId);
  return useMutation({ mutationFn: (body: JobIn) => unwrap(api.POST("/api/jobs", { body })), onSuccess: refresh });
}

export function useCreateEstimate(customerId: string) {
  const refresh = useRefreshCustomer(customerId);
  return useMutation({ mutationFn: (body: EstimateIn) => unwrap(api.POST("/api/estimates", { body })), onSuccess: refresh });
}
