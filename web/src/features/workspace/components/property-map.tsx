import { Anchor, Box } from "@mantine/core";

import type { Profile } from "../api/get-workspace";

type Property = NonNullable<Profile["properties"]>[number];

export function addressOf(p: Property): string {
  return [p.line1, p.line2, p.city, p.region, p.postal_code].filter(Boolean).join(", ");
}

function located(p: Property): { lat: number; lon: number } | null {
  const g = p.geocode;
  return g?.latitude != null && g?.longitude != null ? { lat: Number(g.latitude), lon: Number(g.longitude) } : null;
}

export function mapHref(p: Property): string {
  const at = located(p);
  return at
    ? `https://www.openstreetmap.org/?mlat=${at.lat}&mlon=${at.lon}#map=17/${at.lat}/${at.lon}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(addressOf(p))}`;
}

/**
 * The property on a map where it has been located (geocoding runs only with a Google Maps key configured);
 * otherwise a link that looks the address up on a maps site.
 */
export function PropertyMap({ property }: { property: Property }) {
  const at = located(property);
  if (!at) {
    return <Anchor size="sm" href={mapHref(property)} target="_blank" rel="noopener">Find {property.line1} on a map</Anchor>;
  }
  const d = 0.004;
  const bbox = [at.lon - d, at.lat - d, at.lon + d, at.lat + d].join(",");
  return (
    <Box>
      <iframe title={`Map of ${addressOf(property)}`} width="100%" height="220" loading="lazy" style={{ border: 0 }}
        src={`https://www.openstreetmap.org/export/embed.html?bbox=${bbox}&layer=mapnik&marker=${at.lat},${at.lon}`} />
      <Anchor size="xs" href={mapHref(property)} target="_blank" rel="noopener">Open the map</Anchor>
    </Box>
  );
}
