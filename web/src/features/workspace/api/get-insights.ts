import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type Insights = components["schemas"]["InsightsInsightsOut"];

/** One AI suggestion: what to do, why, and the ids of the facts it rests on. */
export type Suggestion = { title: string; detail: string; cites: string[] };
export type AiPart = {
  status?: "ok" | "unavailable" | "not_configured" | string;
  summary?: string; actions?: Suggestion[]; reason?: string; message?: string; model?: string;
};

/**
 * The insights with the model asked when the workspace's copy has no answer for the current facts yet
 * (the workspace never waits for OpenAI; this query does, beside it).
 */
export function useFreshInsights(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["customer", customerId, "insights"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/insights", {
      params: { path: { customer_id: customerId }, query: { ai: "wait" } },
    })),
    enabled,
    staleTime: 60_000,
  });
}
