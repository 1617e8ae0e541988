import type { PortalAddress } from "../api/portal-client";

/** An address on one line, as the customer would write it. */
export function address(place: PortalAddress): string {
  return [place.line1, place.line2, place.city, [place.region, place.postal_code].filter(Boolean).join(" ")]
    .filter(Boolean).join(", ");
}
