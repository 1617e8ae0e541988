import { useQuery } from "@tanstack/react-query";

import type { Section } from "@/components/section-message";
import { getJson } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

type S = components["schemas"];
export type Profile = S["CustomersCustomerOut"];
export type Note = S["CustomersNoteOut"];
export type ActivityItem = S["CustomersActivityItem"] & { link?: string | null };
type Page<T> = { items: T[]; next_cursor?: string | null };

export type Header = {
  status: string;
  missing?: string[];
  currency?: string;
  balance_cents?: number | null;
  lifetime_revenue_cents?: number | null;
  lifetime_value_cents?: number | null;
  total_billed_cents?: number | null;
  total_paid_cents?: number | null;
  overdue_cents?: number | null;
  open_invoice_count?: number | null;
  open_job_count?: number | null;
  last_contacted_at?: string | null;
  next_follow_up_at?: string | null;
};

/**
 * The gateway's composed workspace. Its route is the gateway's own and not yet described in the
 * OpenAPI document, so the envelope is written here; every part inside is a generated schema.
 */
export type Workspace = {
  customer_id: string;
  merged_into: string | null;
  profile: Section<Profile> & { data: Profile };
  header?: Header;
  jobs?: Section<Page<S["JobsJobBrief"]>>;
  estimates?: Section<Page<S["JobsEstimateOut"]>>;
  plans?: Section<Page<S["JobsPlanOut"]>>;
  recent_activity?: Section<S["JobsRecentActivityOut"]>;
  invoices?: Section<Page<S["BillingInvoiceOut"]>>;
  communications?: Section<Page<S["CommsCommunicationOut"]>>;
  insights?: Section<S["InsightsInsightsOut"]>;
  related_customers?: Section<S["CustomersRelationsOut"]>;
  membership?: Section<S["CustomersMembershipsOut"]>;
  status_history?: Section<Page<S["CustomersStatusChangeOut"]>>;
  portal_invites?: Section<Page<S["CustomersInviteOut"]>>;
  photos?: Section<{ items: S["JobsPhotoOut"][]; count: number }>;
  card_on_file?: Section<S["BillingCardOut"] | null>;
  timeline?: { status: string; items: ActivityItem[]; next_cursor?: string | null; unavailable?: string[] };
};

export const workspaceKey = (customerId: string) => ["workspace", customerId] as const;

const FIRST_RETRY_MS = 3_000;
const LAST_RETRY_MS = 60_000;

/** Whether any section came back unavailable (a service slow or down past the gateway's deadline). */
export function hasUnavailableSection(workspace: Workspace | undefined): boolean {
  return Object.values(workspace ?? {}).some((part) =>
    typeof part === "object" && part !== null && "status" in part && part.status === "unavailable");
}

/**
 * When to ask again after ``streak`` answers in a row with a section unavailable: soon, then less often (a
 * service that is down is not hammered); never while every section is there.
 */
export function retryDelay(streak: number): number | false {
  return streak === 0 ? false : Math.min(FIRST_RETRY_MS * 2 ** (streak - 1), LAST_RETRY_MS);
}

// Answers in a row with a section unavailable, per customer (any good answer starts the count again).
const unavailableStreak = new Map<string, number>();

export const workspaceQuery = (customerId: string) => ({
  queryKey: workspaceKey(customerId),
  queryFn: async () => {
    const workspace = await getJson<Workspace>(`/api/customers/${customerId}/workspace`);
    if (hasUnavailableSection(workspace)) unavailableStreak.set(customerId, (unavailableStreak.get(customerId) ?? 0) + 1);
    else unavailableStreak.delete(customerId);
    return workspace;
  },
});

/** The workspace; a section that was unavailable is asked for again by itself, so the page heals without a reload. */
export function useWorkspace(customerId: string) {
  return useQuery({
    ...workspaceQuery(customerId),
    refetchInterval: () => retryDelay(unavailableStreak.get(customerId) ?? 0),
  });
}
