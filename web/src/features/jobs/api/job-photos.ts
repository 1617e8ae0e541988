import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { ApiError, api, toApiError, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";
import { getToken } from "@/lib/auth";

export type Photo = components["schemas"]["JobsPhotoOut"];

const photosKey = (jobId: string) => ["job", jobId, "photos"] as const;

export function useJobPhotos(jobId: string) {
  return useInfiniteQuery({
    queryKey: photosKey(jobId),
    queryFn: ({ pageParam }) => unwrap(api.GET("/api/jobs/{job_id}/photos", {
      params: { path: { job_id: jobId }, query: { limit: 24, ...(pageParam ? { cursor: pageParam } : {}) } },
    })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

/** One photo to the job, as the multipart body the API takes (openapi-fetch sends JSON only). */
async function upload(jobId: string, file: File): Promise<Photo> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/jobs/${jobId}/photos`, { method: "POST", body: form, headers: { Authorization: `Bearer ${getToken()}` } });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Check the connection and try again.");
  }
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : undefined;
  if (!response.ok) throw toApiError(response.status, body, response.statusText);
  return body as Photo;
}

/** Uploads the files one after another; the job's photos, the customer's Photos tab and timeline show them after. */
export function useUploadJobPhotos(jobId: string, customerId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (files: File[]) => {
      const saved: Photo[] = [];
      for (const file of files) saved.push(await upload(jobId, file));
      return saved;
    },
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: photosKey(jobId) }),
      queryClient.invalidateQueries({ queryKey: ["customer", customerId] }),
      queryClient.invalidateQueries({ queryKey: ["workspace", customerId] }),
    ]),
  });
}

/** An image behind the bearer token, as an object URL an <img> can show. */
export function useImage(path: string | undefined) {
  return useQuery({
    queryKey: ["image", path],
    queryFn: async () => {
      const response = await fetch(path!, { headers: { Authorization: `Bearer ${getToken()}` } });
      if (!response.ok) throw new ApiError(response.status, "error", `The image could not be loaded (${response.status}).`);
      return URL.createObjectURL(await response.blob());
    },
    enabled: Boolean(path),
    staleTime: Infinity,
  });
}
