import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

type S = components["schemas"];
export type Estimate = S["JobsEstimateOut"];
type Window = { scheduled_start?: string | null; scheduled_end?: string | null };

export const estimateKey = (estimateId: string) => ["estimate", estimateId] as const;

export function useEstimate(estimateId: string) {
  return useQuery({
    queryKey: estimateKey(estimateId),
    queryFn: () => unwrap(api.GET("/api/estimates/{estimate_id}", { params: { path: { estimate_id: estimateId } } })),
  });
}

/** After an estimate moves: its page, and the customer's workspace (Estimates and Jobs tabs, status badge). */
function useRefreshEstimate(estimate: Estimate) {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: estimateKey(estimate.id!) }),
    queryClient.invalidateQueries({ queryKey: ["workspace", estimate.customer_id] }),
    queryClient.invalidateQueries({ queryKey: ["customer", estimate.customer_id] }),
    queryClient.invalidateQueries({ queryKey: ["customers"] }),
  ]);
}

/** Sent (the customer gets it by email) or declined on the customer's behalf. */
export function useMoveEstimate(estimate: Estimate) {
  const refresh = useRefreshEstimate(estimate);
  return useMutation({
    mutationFn: (to: "sent" | "declined") => unwrap(api.POST("/api/estimates/{estimate_id}/status", {
      params: { path: { estimate_id: estimate.id! } }, body: { to },
    })),
    onSuccess: refresh,
  });
}

/** Approved on the customer's behalf, with its job (scheduled when a window is given) unless told otherwise. */
export function useApproveEstimate(estimate: Estimate) {
  const refresh = useRefreshEstimate(estimate);
  return useMutation({
    mutationFn: (body: Window & { create_job: boolean }) => unwrap(api.POST("/api/estimates/{estimate_id}/approve", {
      params: { path: { estimate_id: estimate.id! } }, body,
    })),
    onSuccess: refresh,
  });
}

/** The job of an estimate approved without one. */
export function useConvertEstimate(estimate: Estimate) {
  const refresh = useRefreshEstimate(estimate);
  return useMutation({
    mutationFn: (body: Window) => unwrap(api.POST("/api/estimates/{estimate_id}/job", {
      params: { path: { estimate_id: estimate.id! } }, body,
    })),
    onSuccess: refresh,
  });
}
