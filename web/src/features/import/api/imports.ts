import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { ApiError, api, toApiError, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";
import { getToken } from "@/lib/auth";

type S = components["schemas"];
export type Import = S["CustomersImportOut"];
export type DryRun = S["CustomersDryRunOut"];
export type ImportCreated = { import: Import; dry_run: DryRun };
export type ImportRow = S["CustomersImportRowOut"];
export type Layouts = S["CustomersLayoutsOut"];
export type ArchivedRecord = S["CustomersArchivedRecordOut"];
export type HistoryPreview = S["CustomersHistoryPreviewRow"];
/** What an import brings: customers with their contacts and properties, or their past jobs and invoices. */
export type ImportKind = "customers" | "history";

const key = ["imports"] as const;

export function useLayouts(kind: ImportKind) {
  return useQuery({
    queryKey: [...key, "layouts", kind],
    queryFn: () => unwrap(api.GET("/api/imports/layouts", { params: { query: { kind } } })),
    staleTime: Infinity,
  });
}

export function useImports() {
  return useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET("/api/imports")),
    refetchInterval: (query) => (query.state.data?.some((i) => i.status === "running") ? 2000 : false),
  });
}

/** One import; polled while it runs so the page shows rows done and time left as they move. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: [...key, id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET("/api/imports/{import_id}", { params: { path: { import_id: id! } } })),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1000 : false),
  });
}

export function useImportRows(id: string | undefined, outcome: "created" | "matched" | "skipped" | undefined, after = 0) {
  return useQuery({
    queryKey: [...key, id, "rows", outcome, after],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET("/api/imports/{import_id}/rows", {
      params: { path: { import_id: id! }, query: { outcome, after, limit: 50 } },
    })),
  });
}

export type UploadInput = { file: File; kind: ImportKind; layout: string; mapping?: Record<string, string> };

/** The export and its layout as the multipart body the API takes (openapi-fetch sends JSON only); the answer is the
 * stored import, ready to start, and its dry run. */
async function upload({ file, kind, layout, mapping }: UploadInput): Promise<ImportCreated> {
  const form = new FormData();
  form.append("file", file, file.name);
  form.append("kind", kind);
  form.append("layout", layout);
  if (mapping) form.append("mapping", JSON.stringify(mapping));
  let response: Response;
  try {
    response = await fetch("/api/imports", { method: "POST", body: form, headers: { Authorization: `Bearer ${getToken()}` } });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Check the connection and try again.");
  }
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : undefined;
  if (!response.ok) throw toApiError(response.status, body, response.statusText);
  return body as ImportCreated;
}

export function useUpload() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: upload, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

/** Queues a failed import again, from the batch that failed. */
export function useRetry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST("/api/imports/{import_id}/retry", { params: { path: { import_id: id } } })),
    onSuccess: (retried) => {
      queryClient.setQueryData([...key, retried.id], retried);
      return queryClient.invalidateQueries({ queryKey: key, exact: true });
    },
  });
}

export function useStart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST("/api/imports/{import_id}/start", { params: { path: { import_id: id } } })),
    onSuccess: (started) => {
      queryClient.setQueryData([...key, started.id], started);
      return queryClient.invalidateQueries({ queryKey: key, exact: true });
    },
  });
}

/** The columns an import kept for the customer that map to nothing of ours, one record per import. */
export function useArchived(customerId: string) {
  return useQuery({
    queryKey: ["customer", customerId, "archived"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/archived", { params: { path: { customer_id: customerId } } })),
  });
}
