import { Loader, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";

import { useReviewSettings, useSaveReviewSettings } from "../api/reviews";
import { PageError } from "@/components/page-error";

/** The account's review requests: on, each completed job asks its customer for a rating once; off, none does. */
export function ReviewRequestsSetting() {
  const settings = useReviewSettings();
  const save = useSaveReviewSettings();
  if (settings.isPending) return <Loader size="sm" aria-label="Loading the review settings" />;
  if (settings.isError) return <PageError error={settings.error} retry={() => settings.refetch()} />;
  return (
    <>
      <Switch
        label="Ask for a review when a job is completed"
        checked={settings.data.send_review_requests}
        disabled={save.isPending}
        onChange={(event) => save.mutate(event.currentTarget.checked, {
          onError: (error) => notifications.show({ color: "red", message: `Not saved: ${error.message}` }),
        })}
      />
      <Text size="sm" c="dimmed" mt="xs">
        Once per job, on the customer's preferred channel; never to customers flagged do-not-service.
      </Text>
    </>
  );
}
