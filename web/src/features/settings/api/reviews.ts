import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

const key = ["settings", "reviews"] as const;

/** Whether a review request goes out when a job is completed (the account's setting). */
export function useReviewSettings() {
  return useQuery({ queryKey: key, queryFn: () => unwrap(api.GET("/api/settings/reviews")) });
}

export function useSaveReviewSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (send: boolean) => unwrap(api.PUT("/api/settings/reviews", { body: { send_review_requests: send } })),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
}
