import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "@/features/workspace/api/invalidate";
import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type Relation = components["schemas"]["CustomersRelationOut"];
export type RelationKind = components["schemas"]["CustomersRelationIn"]["kind"];

/** The kinds offered, said from the customer whose page it is ("this customer is … of the other"). */
export const KINDS: { value: RelationKind; label: string }[] = [
  { value: "bill_to", label: "Is billed to (bill-to parent)" },
  { value: "tenant", label: "Is a tenant of (property manager)" },
  { value: "household", label: "Is in the same household as" },
];

/** Customers to link to, found by the list's search, without this customer. */
export function useRelationCandidates(customerId: string, q: string) {
  return useQuery({
    queryKey: ["customers", { q, limit: 8 }],
    queryFn: () => unwrap(api.GET("/api/customers", { params: { query: { q: q.slice(0, 200), limit: 8 } } })),
    enabled: q.trim().length >= 2,
    select: (page) => (page.items ?? []).filter((c) => c.id !== customerId),
  });
}

/** Both ends of a link show it: both workspaces are refreshed. */
export function useLinkCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { related_id: string; kind: RelationKind }) => unwrap(api.POST("/api/customers/{customer_id}/relations", {
      params: { path: { customer_id: customerId } }, body,
    })),
    onSuccess: (link) => Promise.all([invalidateCustomer(queryClient, customerId), invalidateCustomer(queryClient, link.customer!.id!)]),
  });
}

export function useUnlinkCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (relation: Relation) => unwrap(api.DELETE("/api/customers/{customer_id}/relations/{relation_id}", {
      params: { path: { customer_id: customerId, relation_id: relation.id! } },
    })),
    onSuccess: (_, relation) => Promise.all([invalidateCustomer(queryClient, customerId), invalidateCustomer(queryClient, relation.customer!.id!)]),
  });
}

/** Whom an invoice of this customer may be billed to besides them: their bill-to parents. */
export function useBillToOptions(customerId: string | undefined) {
  return useQuery({
    queryKey: ["customer", customerId, "relations"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/relations", { params: { path: { customer_id: customerId! } } })),
    enabled: Boolean(customerId),
    select: (page) => (page.items ?? []).filter((r) => r.role === "billed_to")
      .map((r) => ({ value: r.customer!.id!, label: r.customer!.display_name! })),
  });
}
