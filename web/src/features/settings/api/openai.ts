import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type OpenAISettingsIn = components["schemas"]["InsightsOpenAISettingsIn"];
const key = ["settings", "openai"] as const;

/** The OpenAI connection as the API shows it: never the key, only its last four characters. */
export function useOpenAISettings() {
  return useQuery({ queryKey: key, queryFn: () => unwrap(api.GET("/api/settings/integrations/openai")) });
}

/** Saving or removing the key changes every customer's AI part, so the workspaces are fetched again. */
function useSettingsChange<A>(change: (args: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: ["workspace"] }),
      queryClient.invalidateQueries({ queryKey: ["customer"] }),
    ]),
  });
}

export function useSaveOpenAI() {
  return useSettingsChange((body: OpenAISettingsIn) => unwrap(api.PUT("/api/settings/integrations/openai", { body })));
}

export function useDisconnectOpenAI() {
  return useSettingsChange(() => unwrap(api.DELETE("/api/settings/integrations/openai")));
}

export type OpenAICheck = components["schemas"]["InsightsOpenAICheckOut"];

/** Tests the saved key and model with one small question; the answer says whether they work, and why not. */
export function useCheckOpenAI() {
  return useMutation({ mutationFn: () => unwrap(api.POST("/api/settings/integrations/openai/check")) });
}
