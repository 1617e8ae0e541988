import { describe, expect, it } from "vitest";

import { flattenFields, toApiError } from "./api-client";

describe("the error envelope", () => {
  it("flattens nested field errors into the form's paths", () => {
    expect(flattenFields({
      display_name: ["Missing data for required field."],
      contacts: [{ "0": { emails: { "0": ["Not a valid email address."] } } }],
    })).toEqual({
      display_name: ["Missing data for required field."],
      "contacts.0.emails.0": ["Not a valid email address."],
    });
  });

  it("tells server-side failures from refusals", () => {
    expect(toApiError(503, { error: { code: "unavailable", message: "customers is failing" } }).isServerSide).toBe(true);
    const refused = toApiError(422, { error: { code: "validation_error", message: "bad", fields: { tag: ["Too long."] } } });
    expect(refused.isServerSide).toBe(false);
    expect(refused.fields).toEqual({ tag: ["Too long."] });
  });
});
