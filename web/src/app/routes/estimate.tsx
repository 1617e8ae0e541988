import { useParams } from "react-router";

import { EstimatePage } from "@/features/jobs/components/estimate-page";

export function EstimateRoute() {
  const { estimateId } = useParams();
  return <EstimatePage key={estimateId} estimateId={estimateId!} />;
}
