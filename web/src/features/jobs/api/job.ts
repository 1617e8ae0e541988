import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

type S = components["schemas"];
export type Job = S["JobsJobOut"];
export type JobChanges = S["JobsJobEditable"];
export type Visit = S["JobsVisitOut"];
export type VisitIn = S["JobsVisitIn"];

export const jobKey = (jobId: string) => ["job", jobId] as const;

export function useJob(jobId: string) {
  return useQuery({
    queryKey: jobKey(jobId),
    queryFn: () => unwrap(api.GET("/api/jobs/{job_id}", { params: { path: { job_id: jobId } } })),
  });
}

export function useVisits(jobId: string) {
  return useQuery({
    queryKey: [...jobKey(jobId), "visits"],
    queryFn: () => unwrap(api.GET("/api/jobs/{job_id}/visits", { params: { path: { job_id: jobId } } })),
    select: (answer) => answer.items ?? [],
  });
}

/** After a change to a job: its page, and the customer's workspace (Jobs tab, figures, timeline, status). */
export function useRefreshJob(job: Job) {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: jobKey(job.id!) }),
    queryClient.invalidateQueries({ queryKey: ["workspace", job.customer_id] }),
    queryClient.invalidateQueries({ queryKey: ["customer", job.customer_id] }),
  ]);
}

export function useUpdateJob(job: Job) {
  const refresh = useRefreshJob(job);
  return useMutation({
    mutationFn: (body: JobChanges) => unwrap(api.PATCH("/api/jobs/{job_id}", { params: { path: { job_id: job.id! } }, body })),
    onSuccess: refresh,
  });
}

type Move = { to: "scheduled" | "in_progress" | "completed" | "cancelled"; at?: string };

/**
 * A lifecycle move. Completing a job that was never started records both at the moment it was done: on site, the
 * start and the end are one visit, and the office records it afterwards.
 */
export function useMoveJob(job: Job) {
  const refresh = useRefreshJob(job);
  return useMutation({
    mutationFn: async ({ to, at }: Move) => {
      const move = (step: Move) => unwrap(api.POST("/api/jobs/{job_id}/status", { params: { path: { job_id: job.id! } }, body: step }));
      if (to === "completed" && job.status === "scheduled") await move({ to: "in_progress", at });
      return move({ to, at });
    },
    onSettled: refresh,
  });
}

export function useAddVisit(job: Job) {
  const refresh = useRefreshJob(job);
  return useMutation({
    mutationFn: (body: VisitIn) => unwrap(api.POST("/api/jobs/{job_id}/visits", { params: { path: { job_id: job.id! } }, body })),
    onSuccess: refresh,
  });
}

export function useMoveVisit(job: Job) {
  const refresh = useRefreshJob(job);
  return useMutation({
    mutationFn: ({ visitId, to, at }: { visitId: string; to: "completed" | "cancelled"; at?: string }) =>
      unwrap(api.POST("/api/jobs/{job_id}/visits/{visit_id}/status", {
        params: { path: { job_id: job.id!, visit_id: visitId } }, body: { to, ...(at ? { at } : {}) },
      })),
    onSuccess: refresh,
  });
}

/** The customer's invoices that name this job (its invoice, or more than one after a void). */
export function useJobInvoices(job: Job | undefined) {
  return useQuery({
    queryKey: ["billing", job?.customer_id, "invoices-of-job", job?.id],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/invoices", {
      params: { path: { customer_id: job!.customer_id! }, query: { job_id: job!.id!, limit: 100 } },
    })),
    select: (page) => page.items ?? [],
    enabled: Boolean(job?.customer_id),
  });
}
