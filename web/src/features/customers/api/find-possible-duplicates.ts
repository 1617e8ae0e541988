import { getCustomers, type CustomerSummary } from "./get-customers";

/**
 * Customers who may be the one about to be created: the same phone, email, or name, found with the
 * list's own search (the service matches phones in any format). Each found once, with why.
 */
export type Probe = { reason: string; q: string; matches?: (customer: CustomerSummary) => boolean };

export async function findPossibleDuplicates(probes: Probe[]) {
  const found = new Map<string, { customer: CustomerSummary; reasons: string[] }>();
  const answers = await Promise.all(
    probes.filter((p) => p.q.trim().length >= 3).map(async (probe) => ({
      probe, page: await getCustomers({ q: probe.q.trim().slice(0, 200), limit: 5 }),
    })),
  );
  for (const { probe, page } of answers) {
    for (const customer of (page.items ?? []).filter((c) => probe.matches?.(c) ?? true)) {
      const entry = found.get(customer.id!) ?? { customer, reasons: [] as string[] };
      if (!entry.reasons.includes(probe.reason)) entry.reasons.push(probe.reason);
      found.set(customer.id!, entry);
    }
  }
  return [...found.values()];
}
