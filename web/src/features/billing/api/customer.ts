import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type Customer = components["schemas"]["CustomersCustomerOut"];
type Property = NonNullable<Customer["properties"]>[number];

/** The customer a billing page belongs to: its name for the link back, its properties for an invoice. */
export function useCustomer(customerId: string | undefined) {
  return useQuery({
    queryKey: ["customer", customerId, "profile"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}", { params: { path: { customer_id: customerId! } } })),
    enabled: Boolean(customerId),
  });
}

export function propertyOptions(customer: Customer | undefined) {
  const label = (p: Property) => [p.line1, p.line2, p.city, p.region, p.postal_code].filter(Boolean).join(", ");
  const properties = [...(customer?.properties ?? [])].sort((a, b) => Number(b.is_primary) - Number(a.is_primary));
  return properties.map((p) => ({ value: p.id!, label: label(p), kind: p.kind ?? null }));
}
