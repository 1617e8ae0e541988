import { useParams } from "react-router";

import { Workspace } from "@/features/workspace/components/workspace";

export function WorkspaceRoute() {
  const { customerId, tab } = useParams();
  return <Workspace key={customerId} customerId={customerId!} tab={tab ?? "overview"} />;
}
