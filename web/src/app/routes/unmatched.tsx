import { UnmatchedInbox } from "@/features/comms/components/unmatched-inbox";

export function UnmatchedRoute() {
  return <UnmatchedInbox />;
}
