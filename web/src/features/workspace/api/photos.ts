import { useInfiniteQuery, useQuery } from "@tanstack/react-query";

import { ApiError, api, unwrap } from "@/lib/api-client";
import { getToken } from "@/lib/auth";

export function usePhotos(customerId: string) {
  return useInfiniteQuery({
    queryKey: ["customer", customerId, "photos"],
    queryFn: ({ pageParam }) => unwrap(api.GET("/api/customers/{customer_id}/photos", {
      params: { path: { customer_id: customerId }, query: { limit: 24, ...(pageParam ? { cursor: pageParam } : {}) } },
    })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

/** An image behind the bearer token, as an object URL an <img> can show. */
export function useImage(path: string) {
  return useQuery({
    queryKey: ["image", path],
    queryFn: async () => {
      const response = await fetch(path, { headers: { Authorization: `Bearer ${getToken()}` } });
      if (!response.ok) throw new ApiError(response.status, "error", `The image could not be loaded (${response.status}).`);
      return URL.createObjectURL(await response.blob());
    },
    staleTime: Infinity,
  });
}
