import { ImportPage } from "@/features/import/components/import-page";

export function ImportRoute() {
  return <ImportPage />;
}
