import { useParams } from "react-router";

import { JobPage } from "@/features/jobs/components/job-page";

export function JobRoute() {
  const { jobId } = useParams();
  return <JobPage key={jobId} jobId={jobId!} />;
}
