import { Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate, useParams, useSearchParams } from "react-router";

import { portalApi, unwrap } from "../api/portal-client";
import { LinkRefused } from "./link-refused";
import { PortalShell } from "./portal-shell";

/**
 * The emailed link: redeems its single-use token for the session cookie, then shows the customer's page
 * (bringing forward the job named by ``?review=``). A query, not a mutation, so that a second render never sends
 * the spent token again.
 */
export function MagicLink() {
  const { token = "" } = useParams();
  const [params] = useSearchParams();
  const redeem = useQuery({
    queryKey: ["portal", "redeem", token],
    queryFn: () => unwrap(portalApi.POST("/api/portal/sessions", { body: { token } })),
    retry: false, staleTime: Infinity, gcTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false,
  });
  if (redeem.isPending) return <PortalShell><Loader aria-label="Opening your page" /></PortalShell>;
  if (redeem.isError) return <PortalShell><LinkRefused error={redeem.error} retry={() => redeem.refetch()} /></PortalShell>;
  const review = params.get("review");
  return <Navigate to={review ? `/portal?review=${encodeURIComponent(review)}` : "/portal"} replace />;
}
