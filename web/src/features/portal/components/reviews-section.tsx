import { Alert, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";

import { useReviewJob } from "../api/portal";
import type { PortalJobToReview, PortalView } from "../api/portal-client";
import { useBringForward } from "./bring-forward";
import { PortalSection } from "./portal-section";
import { ReviewForm } from "./review-form";
import { day } from "@/lib/format";

function JobReview({ job, focused }: { job: PortalJobToReview; focused: boolean }) {
  const review = useReviewJob();
  const title = job.title ?? job.number ?? "your job";
  // The review request email links here with ?review=<job id>: that job's form comes to the customer.
  useBringForward(focused ? `review-${job.id}` : null, "input[type=radio]");
  return (
    <Stack gap={4} id={`review-${job.id}`}>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed">{job.number} · completed {day(job.completed_at)}</Text>
      <ReviewForm jobTitle={title} onSubmit={async (body) => {
        await review.mutateAsync({ jobId: job.id!, review: body });
        notifications.show({ color: "green", message: `Thank you for reviewing ${title}.` });
      }} />
    </Stack>
  );
}

/** "How did we do?": each completed job not yet reviewed, with its rating form (hidden in the office's view). */
export function ReviewsSection({ view, readOnly, reviewJobId }: { view: PortalView; readOnly: boolean; reviewJobId?: string | null }) {
  return (
    <PortalSection<PortalJobToReview> id="reviews" title="How did we do?" section={view.jobs_to_review}
      empty="Nothing to review right now.">
      {(jobs) => readOnly
        ? <Stack gap={4}>{jobs.map((j) => <Text key={j.id} size="sm">{j.title} · completed {day(j.completed_at)}</Text>)}</Stack>
        : (
          <Stack gap="lg">
            {reviewJobId && !jobs.some((j) => j.id === reviewJobId) && (
              <Alert color="gray" role="status">That visit has already been reviewed, or is not ready for a review yet.</Alert>
            )}
            {jobs.map((j) => <JobReview key={j.id} job={j} focused={j.id === reviewJobId} />)}
          </Stack>
        )}
    </PortalSection>
  );
}
