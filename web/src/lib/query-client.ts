import { notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";

import { ApiError } from "./api-client";

// A lost connection or a 5xx is told in a notification; the page keeps what it shows.
function notifyServerSide(error: unknown) {
  if (error instanceof ApiError && !error.isServerSide) return;
  notifications.show({
    id: "server-side",
    color: "red",
    title: error instanceof ApiError && error.status === 0 ? "Connection lost" : "The server had a problem",
    message: error instanceof Error ? error.message : "Please try again.",
  });
}

export function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: notifyServerSide }),
    mutationCache: new MutationCache({ onError: notifyServerSide }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Refusals (4xx) are final; a failing server or connection gets two more tries.
        retry: (count, error) => error instanceof ApiError && error.isServerSide && count < 2,
      },
    },
  });
}

/** The page's one client: the router asks it for a workspace's data before the workspace's code has loaded. */
export const appQueryClient = makeQueryClient();
