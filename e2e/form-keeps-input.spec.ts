// A server-side validation error must not wipe what the user typed (React resets a form after its
// action ran); the form is cleared only by a success. Here on the analyst's "new key project list"
// form (components/form/action-form.tsx), whose title is checked on the server only.
import { expect, test } from "@playwright/test";
import { uniqueUser } from "./helpers/accounts";
import { signIn } from "./helpers/members";
import { createParkAnalyst } from "./helpers/staff";

test("a form keeps the typed text after a server-side error, and succeeds once corrected", async ({ page }) => {
  const analyst = uniqueUser("form-analyst");
  await createParkAnalyst(analyst, "e2e: form keeps input");
  await signIn(page, analyst);
  await page.goto("/en/monitor/lists");
  const form = page.getByTestId("new-key-list");
  const note = "Sensor fusion for inspection robots: three firms asked this quarter";
  await form.getByLabel("Note").fill(note);
  await form.getByRole("button").click();

  await expect(form.getByRole("alert").first()).toContainText("Please fix the marked fields.");
  await expect(form.getByLabel("Note")).toHaveValue(note);

  await form.getByLabel("Title").fill("2027 key projects");
  await form.getByRole("button").click();
  await expect(page).toHaveURL(/\/en\/monitor\/lists\/[^/]+$/);
});
