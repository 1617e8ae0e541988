import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";

import { hasUnavailableSection, retryDelay, useWorkspace, type Workspace } from "./get-workspace";
import { answerRequests } from "@/testing/render";

const customer = "7d0c8a52-5b8e-4c8f-9a43-2f4f3c1d9e01";

function workspace(insights: string): Workspace {
  return {
    customer_id: customer, merged_into: null,
    profile: { status: "ok", data: { id: customer } as Workspace["profile"]["data"] },
    insights: insights === "ok" ? { status: "ok", data: { cards: [] } as never } : { status: insights, reason: "timeout" },
  };
}

describe("retryDelay", () => {
  it("asks again soon, then less often, for as long as a section stays unavailable", () => {
    expect([1, 2, 3, 9].map(retryDelay)).toEqual([3000, 6000, 12000, 60000]);
  });

  it("does not ask again once every section is there", () => {
    expect(retryDelay(0)).toBe(false);
  });
});

describe("hasUnavailableSection", () => {
  it("is a section the gateway could not get, not one that is not set up", () => {
    expect(hasUnavailableSection(workspace("unavailable"))).toBe(true);
    expect(hasUnavailableSection(workspace("ok"))).toBe(false);
    expect(hasUnavailableSection(workspace("not_configured"))).toBe(false);
    expect(hasUnavailableSection(undefined)).toBe(false);
  });
});

describe("useWorkspace", () => {
  it("heals an unavailable section by itself, without a reload", async () => {
    const requests = answerRequests({ status: 200, body: workspace("unavailable") }, { status: 200, body: workspace("ok") });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useWorkspace(customer), { wrapper });

    await waitFor(() => expect(result.current.data?.insights?.status).toBe("unavailable"));
    await waitFor(() => expect(result.current.data?.insights?.status).toBe("ok"), { timeout: 5000 });
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([`/api/customers/${customer}/workspace`, `/api/customers/${customer}/workspace`]);
    expect(client.getQueryCache().find({ queryKey: ["workspace", customer] })?.state.dataUpdateCount).toBe(2);
    client.clear();
  });
});
