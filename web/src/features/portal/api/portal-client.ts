// The portal's own client: the visitor is signed in by the portal session cookie the gateway set, never by the
// office's bearer token (a staff token on these calls would be refused, and a 401 here must not sign the office out).
import createClient from "openapi-fetch";

import type { components, paths } from "@/lib/api-types";
import { ApiError, toApiError, unwrap } from "@/lib/api-client";

export const portalApi = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? "",
  credentials: "same-origin",
  fetch: (request) => globalThis.fetch(request),
});

export type PortalView = components["schemas"]["PortalView"];
export type PortalVisit = components["schemas"]["PortalVisit"];
export type PortalRecentVisit = components["schemas"]["PortalRecentVisit"];
export type PortalEstimate = components["schemas"]["PortalEstimate"];
export type PortalInvoice = components["schemas"]["PortalInvoice"];
export type PortalAddress = components["schemas"]["PortalAddress"];
export type PortalJobToReview = components["schemas"]["PortalJobToReview"];
export type ServiceRequest = components["schemas"]["ServiceRequestIn"];
export type Review = components["schemas"]["ReviewIn"];

export { unwrap };

/** A multipart upload (openapi-fetch sends JSON); the answer or an ApiError, like ``unwrap``. */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await globalThis.fetch(new Request(new URL(path, globalThis.location?.origin ?? "http://localhost"),
      { method: "POST", body: form, credentials: "same-origin" }));
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Check the connection and try again.");
  }
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : undefined;
  if (!response.ok) throw toApiError(response.status, body, response.statusText);
  return body as T;
}
