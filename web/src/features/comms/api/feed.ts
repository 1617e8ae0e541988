import { useInfiniteQuery, type QueryClient } from "@tanstack/react-query";

import { getJson } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type Communication = components["schemas"]["CommsCommunicationOut"];
export type CommPage = { items: Communication[]; next_cursor?: string | null };
export type ChannelFilter = "all" | "call" | "sms" | "email";

/** A send still on its way: the page asks again until it is sent, delivered or failed. */
export const IN_FLIGHT = new Set(["queued", "sending"]);
const POLL_MS = 1500;
// A provider reports delivered (or failed) a little after it took a text: a send that went out lately is
// asked after a while longer, more slowly; an older "sent" is left as the provider last reported it.
const REPORT_WINDOW_MS = 2 * 60_000;
const REPORT_POLL_MS = 5000;

export const feedKey = (customerId: string, channel: ChannelFilter) => ["customer", customerId, "comms", channel];

function pageUrl(base: string, channel: ChannelFilter, cursor: string | null) {
  const query = new URLSearchParams({ limit: "25" });
  if (channel !== "all") query.set("channel", channel);
  if (cursor) query.set("cursor", cursor);
  return `${base}?${query}`;
}

/** Polls while any listed item is in flight, so a queued text turns sent, delivered or failed in place. */
export function whileInFlight(data: { pages: CommPage[] } | undefined, now = Date.now()) {
  const items = data?.pages.flatMap((p) => p.items) ?? [];
  if (items.some((c) => IN_FLIGHT.has(c.status ?? ""))) return POLL_MS;
  const lately = (c: Communication) => c.status === "sent" && now - Date.parse(c.occurred_at ?? "") < REPORT_WINDOW_MS;
  return items.some(lately) ? REPORT_POLL_MS : false;
}

/** The customer's calls, texts and emails, newest first, one channel or all, a cursor page at a time. */
export function useFeed(customerId: string, channel: ChannelFilter, first?: CommPage) {
  return useInfiniteQuery({
    queryKey: feedKey(customerId, channel),
    queryFn: ({ pageParam }) => getJson<CommPage>(pageUrl(`/api/customers/${customerId}/communications`, channel, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    // The workspace's own first page shows at once; a refetch replaces it.
    initialData: channel === "all" && first ? { pages: [first], pageParams: [null] } : undefined,
    refetchInterval: (query) => whileInFlight(query.state.data),
  });
}

/** A send the API just accepted, shown at the top of the feed before any refetch. */
export function showSent(queryClient: QueryClient, customerId: string, comm: Communication) {
  for (const channel of ["all", comm.channel] as ChannelFilter[]) {
    queryClient.setQueryData<{ pages: CommPage[]; pageParams: unknown[] }>(feedKey(customerId, channel), (data) => {
      if (!data?.pages.length || data.pages[0].items.some((c) => c.id === comm.id)) return data;
      const [head, ...rest] = data.pages;
      return { ...data, pages: [{ ...head, items: [comm, ...head.items] }, ...rest] };
    });
  }
}

export { pageUrl };
