import { Anchor, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import { useSectionPages } from "../api/get-section-page";
import type { Workspace } from "../api/get-workspace";
import { SectionMessage, sectionOk, type Section } from "@/components/section-message";
import type { components } from "@/lib/api-types";
import { day } from "@/lib/format";

type ReviewsPage = components["schemas"]["JobsReviewsPage"];
type Review = components["schemas"]["JobsReviewOut"];

/** Five stars, as many filled as the rating (rounded); screen readers hear the number instead. */
export function Stars({ rating, label }: { rating: number; label: string }) {
  const filled = Math.round(rating);
  return (
    <Text span c="yellow.9" aria-label={label} role="img" style={{ letterSpacing: 1 }}>
      {"★".repeat(filled)}{"☆".repeat(5 - filled)}
    </Text>
  );
}

/** The customer's reviews: the average (stars and number) and count, then the latest with the job each rates. */
export function ReviewsSection({ ws }: { ws: Workspace }) {
  // The composed workspace carries the section beside the others; its envelope type lists the older ones only.
  const section = (ws as Workspace & { reviews?: Section<ReviewsPage> }).reviews;
  const first = sectionOk(section) ? { items: section.data.items ?? [], next_cursor: section.data.next_cursor } : undefined;
  const pages = useSectionPages<Review>(ws.customer_id, "reviews", first);
  if (!sectionOk(section)) return <SectionMessage name="Reviews" section={section} />;
  const { count, average } = section.data.summary;
  if (!count) {
    return <Text size="sm" c="dimmed">No reviews yet. A review request goes out when a job is completed.</Text>;
  }
  const items = pages.data?.pages.flatMap((p) => p.items) ?? first?.items ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="reviews-summary">
      <Group gap="sm" align="baseline">
        <Title order={3} size="h5" id="reviews-summary">Average rating</Title>
        {average != null && <Stars rating={average} label={`${average} out of 5 stars`} />}
        <Text fw={600}>{average?.toFixed(1)}</Text>
        <Text size="sm" c="dimmed">{count} {count === 1 ? "review" : "reviews"}</Text>
      </Group>
      <Table striped verticalSpacing="xs" aria-label="Reviews">
        <Table.Thead>
          <Table.Tr><Table.Th>Rating</Table.Th><Table.Th>Comment</Table.Th><Table.Th>Job</Table.Th><Table.Th>Received</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((review) => (
            <Table.Tr key={review.id}>
              <Table.Td><Stars rating={review.rating} label={`${review.rating} out of 5 stars`} /></Table.Td>
              <Table.Td>{review.comment || <Text span size="sm" c="dimmed">No comment</Text>}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${ws.customer_id}/jobs`} size="sm">
                  {review.job_number} · {review.job_title}
                </Anchor>
              </Table.Td>
              <Table.Td>{day(review.created_at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages.hasNextPage && (
        <Button variant="default" size="xs" w="fit-content" loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
