import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type Thresholds = components["schemas"]["InsightsThresholdsIn"];
const key = ["settings", "insights"] as const;

/** The numbers behind the insight cards, as the account has set them (defaults until changed). */
export function useThresholds() {
  return useQuery({ queryKey: key, queryFn: () => unwrap(api.GET("/api/settings/insights")) });
}

/** Saving every threshold at once; the cards on every customer page follow, so those are fetched again. */
export function useSaveThresholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Thresholds) => unwrap(api.PUT("/api/settings/insights", { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ["workspace"] }),
        queryClient.invalidateQueries({ queryKey: ["customer"] }),
      ]);
    },
  });
}
