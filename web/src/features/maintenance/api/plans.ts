import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

type S = components["schemas"];
export type Plan = S["JobsPlanOut"];
export type PlanIn = S["JobsPlanIn"];
export type PlanChanges = S["JobsPlanEditable"];
export type PlanStatus = S["JobsPlanStatusMove"]["to"];
export type Visit = S["JobsJobBrief"];
type PlansPage = S["JobsPlanOutPage"];

const plansKey = (customerId: string) => ["customer", customerId, "plans"] as const;
const visitsKey = (customerId: string, planId: string) => ["customer", customerId, "plans", planId, "visits"] as const;

/** The customer's plans, newest first, starting from the workspace's own first page when it has one. */
export function usePlans(customerId: string, first?: PlansPage) {
  return useInfiniteQuery({
    queryKey: plansKey(customerId),
    queryFn: ({ pageParam }) => unwrap(api.GET("/api/customers/{customer_id}/plans", {
      params: { path: { customer_id: customerId }, query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
    })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    initialData: first ? { pages: [first], pageParams: [null] } : undefined,
  });
}

/** The visits a plan booked that are still to be done, soonest first. */
export function usePlanVisits(customerId: string, planId: string, enabled: boolean) {
  return useQuery({
    queryKey: visitsKey(customerId, planId),
    queryFn: () => unwrap(api.GET("/api/plans/{plan_id}/visits", {
      params: { path: { plan_id: planId }, query: { limit: 10 } },
    })),
    enabled,
  });
}

/**
 * After any change to a plan: its list and visits, the customer's workspace (plans, jobs, figures, insights)
 * and every job list, since booking and cancelling visits makes and cancels jobs.
 */
function refresh(queryClient: QueryClient, customerId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ["customer", customerId] }),
    queryClient.invalidateQueries({ queryKey: ["workspace", customerId] }),
  ]);
}

function usePlanMutation<A, R>(customerId: string, call: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => refresh(queryClient, customerId) });
}

export function useCreatePlan(customerId: string) {
  return usePlanMutation(customerId, (body: PlanIn) => unwrap(api.POST("/api/plans", { body })));
}

export function useChangePlan(customerId: string) {
  return usePlanMutation(customerId, ({ planId, changes }: { planId: string; changes: PlanChanges }) =>
    unwrap(api.PATCH("/api/plans/{plan_id}", { params: { path: { plan_id: planId } }, body: changes })));
}

export function useMovePlan(customerId: string) {
  return usePlanMutation(customerId, ({ planId, to, override }: { planId: string; to: PlanStatus; override?: string }) =>
    unwrap(api.POST("/api/plans/{plan_id}/status", {
      params: { path: { plan_id: planId } },
      body: { to, ...(override ? { do_not_service_override: { reason: override } } : {}) },
    })));
}

/** Books the active plan's visits of the coming weeks now, rather than at the scheduler's next pass. */
export function useBookVisits(customerId: string) {
  return usePlanMutation(customerId, (planId: string) =>
    unwrap(api.POST("/api/plans/{plan_id}/visits", { params: { path: { plan_id: planId }, query: { limit: 10 } } })));
}
