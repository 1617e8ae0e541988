import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { ApiError, api, toApiError, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";
import { getToken } from "@/lib/auth";

export type Photo = components["schemas"]["JobsPhotoOut"];
export type JobOption = { id: string; label: string };

const photosKey = (customerId: string) => ["customer", customerId, "photos"] as const;

/** The customer's photos newest first: all of them (their own uploads and every job's), or one job's. */
export function usePhotos(customerId: string, jobId: string | null) {
  return useInfiniteQuery({
    queryKey: [...photosKey(customerId), jobId ?? "all"],
    queryFn: ({ pageParam }) => {
      const query = { limit: 24, ...(pageParam ? { cursor: pageParam } : {}) };
      return jobId
        ? unwrap(api.GET("/api/jobs/{job_id}/photos", { params: { path: { job_id: jobId }, query } }))
        : unwrap(api.GET("/api/customers/{customer_id}/photos", { params: { path: { customer_id: customerId }, query } }));
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

/** The customer's jobs, newest first, to file a photo under or filter by. */
export function useJobOptions(customerId: string) {
  return useQuery({
    queryKey: ["customer", customerId, "photos", "jobs"],
    queryFn: async (): Promise<JobOption[]> => {
      const page = await unwrap(api.GET("/api/customers/{customer_id}/jobs", {
        params: { path: { customer_id: customerId }, query: { limit: 100 } },
      }));
      return (page.items ?? []).map((job) => ({ id: job.id!, label: `${job.number} · ${job.title}` }));
    },
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

/** One photo as the multipart body the API takes (openapi-fetch sends JSON only): to a job, or to the customer. */
async function upload(customerId: string, jobId: string | null, file: File, caption: string): Promise<Photo> {
  const form = new FormData();
  form.append("file", file, file.name);
  if (caption) form.append("caption", caption);
  const path = jobId ? `/api/jobs/${jobId}/photos` : `/api/customers/${customerId}/photos`;
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", body: form, headers: { Authorization: `Bearer ${getToken()}` } });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Check the connection and try again.");
  }
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : undefined;
  if (!response.ok) throw toApiError(response.status, body, response.statusText);
  return body as Photo;
}

/** After photos change: every list of the customer's (the tab, job pages), the workspace and its timeline. */
function useRefresh(customerId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ["customer", customerId] }),
    queryClient.invalidateQueries({ queryKey: ["job"] }),
    queryClient.invalidateQueries({ queryKey: ["workspace", customerId] }),
  ]);
}

export type Upload = { files: File[]; jobId: string | null; caption: string };

/** Uploads the files one after another, stopping at the first the API refuses; answers those it kept. */
export function useUploadPhotos(customerId: string) {
  const refresh = useRefresh(customerId);
  return useMutation({
    mutationFn: async ({ files, jobId, caption }: Upload) => {
      const saved: Photo[] = [];
      for (const file of files) {
        try {
          saved.push(await upload(customerId, jobId, file, caption));
        } catch (error) {
          if (error instanceof ApiError) throw new ApiError(error.status, error.code, `${file.name}: ${error.message}`, error.fields);
          throw error;
        }
      }
      return saved;
    },
    onSettled: refresh,
  });
}

export function useDeletePhoto(customerId: string) {
  const refresh = useRefresh(customerId);
  return useMutation({
    mutationFn: (photoId: string) => unwrap(api.DELETE("/api/photos/{photo_id}", { params: { path: { photo_id: photoId } } })),
    onSuccess: refresh,
  });
}
