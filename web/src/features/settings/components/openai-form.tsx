import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { type OpenAICheck, useCheckOpenAI, useDisconnectOpenAI, useSaveOpenAI } from "../api/openai";
import { applyFieldErrors } from "@/components/field-errors";
import type { components } from "@/lib/api-types";
import { when } from "@/lib/format";

type Current = components["schemas"]["InsightsOpenAISettingsOut"];

/** Connects OpenAI with a key (shown afterwards only by its last four characters) and a model. */
export function OpenAIForm({ current }: { current: Current }) {
  const save = useSaveOpenAI();
  const disconnect = useDisconnectOpenAI();
  const check = useCheckOpenAI();
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({
    initialValues: { api_key: "", model: current.model ?? "" },
    validate: { api_key: (v) => (!current.configured && !v.trim() ? "Paste the API key from your OpenAI account." : null) },
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    try {
      await save.mutateAsync({ api_key: values.api_key.trim() || null, model: values.model.trim() || null });
      form.setFieldValue("api_key", "");
      check.reset();  // a result about the key or model before this save would mislead
      notifications.show({ color: "green", message: "OpenAI connected: the insights card now shows AI suggestions." });
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in values));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="OpenAI connection">
      <Stack gap="sm">
        {current.configured ? (
          <Alert color="green" title="Connected" role="status">
            Key ending in <b>{current.api_key_last4}</b> · model {current.model}
            {current.updated_at && <Text size="xs">Saved {when(current.updated_at)} by {current.updated_by}</Text>}
          </Alert>
        ) : <Text size="sm">Not connected. With a key, each customer's insights card adds a summary and next best actions citing the customer's records.</Text>}
        <PasswordInput label={current.configured ? "Replace the API key" : "API key"} placeholder="sk-…" autoComplete="off"
          {...form.getInputProps("api_key")} key={form.key("api_key")} />
        <TextInput label="Model" placeholder="gpt-4o-mini" {...form.getInputProps("model")} key={form.key("model")} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        {check.data && <CheckResult result={check.data} />}
        {check.isError && <Alert color="red" role="alert" title="Not tested">{check.error.message}</Alert>}
        <Group justify="flex-end">
          {current.configured && (
            <Button variant="default" color="red" loading={disconnect.isPending} onClick={() => disconnect.mutate()}>Disconnect</Button>
          )}
          {current.configured && (
            <Button variant="light" loading={check.isPending} onClick={() => check.mutate()}>Test the connection</Button>
          )}
          <Button type="submit" loading={save.isPending}>{current.configured ? "Save" : "Connect OpenAI"}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What the connection test found: OpenAI answered with the saved key and model, or why it did not. */
function CheckResult({ result }: { result: OpenAICheck }) {
  return result.ok ? (
    <Alert color="green" role="status" title="Connection works">
      {result.message} <Text span size="xs" c="dimmed">Model {result.model}, tested {when(result.checked_at)}.</Text>
    </Alert>
  ) : (
    <Alert color="red" role="alert" title="Connection failed">
      {result.message} <Text span size="xs">Model {result.model}, tested {when(result.checked_at)}.</Text>
    </Alert>
  );
}
