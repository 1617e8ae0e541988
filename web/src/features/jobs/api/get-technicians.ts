import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

/** The account's active technicians, to assign to a job (the API takes them by id). */
export function useTechnicians() {
  return useQuery({
    queryKey: ["technicians", { active: true }],
    queryFn: () => unwrap(api.GET("/api/technicians", { params: { query: { active: true, limit: 100 } } })),
    select: (page) => (page.items ?? []).map((t) => ({ value: t.id!, label: t.name! })),
    staleTime: 60_000,
  });
}
