import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "./invalidate";
import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

export type NoteIn = components["schemas"]["CustomersNoteIn"];
export type NotePatch = components["schemas"]["CustomersNotePatch"];

const notesKey = (customerId: string) => ["customer", customerId, "notes"] as const;

export function useNotes(customerId: string) {
  return useQuery({
    queryKey: notesKey(customerId),
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/notes", {
      params: { path: { customer_id: customerId }, query: { limit: 100 } },
    })),
  });
}

export function useCreateNote(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NoteIn) =>
      unwrap(api.POST("/api/customers/{customer_id}/notes", { params: { path: { customer_id: customerId } }, body })),
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}

export function useUpdateNote(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, body }: { noteId: string; body: NotePatch }) =>
      unwrap(api.PATCH("/api/customers/{customer_id}/notes/{note_id}", {
        params: { path: { customer_id: customerId, note_id: noteId } }, body,
      })),
    onSuccess: () => invalidateCustomer(queryClient, customerId),
  });
}
