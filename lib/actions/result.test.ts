import { describe, expect, it } from "vitest";
import { formFields } from "./result";

describe("formFields", () => {
  it("keeps only the named fields, leaving out Next.js's hidden action fields and absent ones", () => {
    const form = new FormData();
    form.append("$ACTION_REF_1", "");
    form.append("$ACTION_1:0", '{"id":"abc","bound":"$@1"}');
    form.append("$ACTION_KEY", "k0");
    form.append("email", "dev@example.com");
    form.append("unexpected", "x");
    expect(formFields(form, ["email", "role"])).toEqual({ email: "dev@example.com" });
  });
});
