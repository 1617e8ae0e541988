import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { portalApi, postForm, unwrap, type Review, type ServiceRequest } from "./portal-client";
import { getJson } from "@/lib/api-client";
import type { PortalView } from "./portal-client";

const MINE = ["portal", "me"];

/** Redeems the emailed magic link once: the gateway answers with the session cookie. */
export function useRedeemLink() {
  return useMutation({
    mutationFn: (token: string) => unwrap(portalApi.POST("/api/portal/sessions", { body: { token } })),
  });
}

/** The signed-in customer's own page. */
export function useMyPortal() {
  return useQuery({ queryKey: MINE, queryFn: () => unwrap(portalApi.GET("/api/portal/me")), retry: false });
}

/** View as client: the same page, from the office, as far as the staff user's permissions go. */
export function useClientView(customerId: string) {
  return useQuery({
    queryKey: ["customer", customerId, "portal-view"],
    queryFn: () => getJson<PortalView>(`/api/customers/${customerId}/portal-view`),
  });
}

function useRefreshingMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: MINE }) });
}

export function useApproveEstimate() {
  return useRefreshingMutation((estimateId: string) => unwrap(portalApi.POST(
    "/api/portal/estimates/{estimate_id}/approve", { params: { path: { estimate_id: estimateId } } })));
}

export function useDeclineEstimate() {
  return useRefreshingMutation((estimateId: string) => unwrap(portalApi.POST(
    "/api/portal/estimates/{estimate_id}/decline", { params: { path: { estimate_id: estimateId } } })));
}

export function useRequestService() {
  return useRefreshingMutation((body: ServiceRequest) => unwrap(portalApi.POST(
    "/api/portal/service-requests", { body })));
}

export type PhotoTarget = { kind: "job" | "property"; id: string };

export function useUploadPhoto() {
  return useRefreshingMutation(({ target, file, caption }: { target: PhotoTarget; file: File; caption: string }) => {
    const form = new FormData();
    form.append("file", file);
    if (caption.trim()) form.append("caption", caption.trim());
    const path = target.kind === "job" ? `/api/portal/jobs/${target.id}/photos` : `/api/portal/properties/${target.id}/photos`;
    return postForm<{ id: string }>(path, form);
  });
}

export function useReviewJob() {
  return useRefreshingMutation(({ jobId, review }: { jobId: string; review: Review }) => unwrap(portalApi.POST(
    "/api/portal/jobs/{job_id}/review", { params: { path: { job_id: jobId } }, body: review })));
}
