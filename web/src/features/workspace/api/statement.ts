import { useMutation } from "@tanstack/react-query";

import { ApiError, api, unwrap } from "@/lib/api-client";
import { getToken } from "@/lib/auth";

/** The statement's PDF as an object URL, to preview before sending. */
export async function statementPdfUrl(customerId: string): Promise<string> {
  const response = await fetch(`/api/customers/${customerId}/statement.pdf`, {
    headers: { Authorization: `Bearer ${getToken()}`, Accept: "application/pdf" },
  });
  if (!response.ok) throw new ApiError(response.status, "error", `The statement could not be made (${response.status}).`);
  return URL.createObjectURL(await response.blob());
}

export function useSendStatement(customerId: string) {
  return useMutation({
    mutationFn: (email: string | null) => unwrap(api.POST("/api/customers/{customer_id}/statements", {
      params: { path: { customer_id: customerId } }, body: { email, as_of: null },
    })),
  });
}
