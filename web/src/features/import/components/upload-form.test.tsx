import { describe, expect, it } from "vitest";

import { headersOf } from "./upload-form";

describe("headersOf", () => {
  it("reads a CSV header line, quoted names with commas and quotes included", () => {
    expect(headersOf('Client ID,"Name, full","Say ""hi""", E-mail ')).toEqual(["Client ID", "Name, full", 'Say "hi"', "E-mail"]);
  });

  it("leaves out empty names", () => {
    expect(headersOf("a,,b,")).toEqual(["a", "b"]);
  });
});
