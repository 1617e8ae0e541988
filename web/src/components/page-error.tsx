import { Alert, Button, Stack } from "@mantine/core";
import { Component, type ReactNode } from "react";

import { ApiError } from "@/lib/api-client";

/** What a route shows when its essential data could not be had; never a blank page. */
export function PageError({ error, retry }: { error: unknown; retry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert color={notFound ? "gray" : "red"} title={notFound ? "Not found" : "This page could not be loaded"} role="alert">
      <Stack gap="xs" align="flex-start">
        {error instanceof Error ? error.message : "Something went wrong."}
        {retry && !notFound && <Button size="xs" variant="light" onClick={retry}>Try again</Button>}
      </Stack>
    </Alert>
  );
}

/** Catches a rendering error in one part of the page so the rest stays on screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    return this.state.error ? <PageError error={this.state.error} /> : this.props.children;
  }
}
