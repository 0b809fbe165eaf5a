import { useLocation } from "preact-iso";
import { logIn, signUp } from "../api/auth.js";
import { landingAfterSignIn, welcomeHref } from "../onboarding.js";
import { useSession } from "../session.js";
import { useApiForm, textOf } from "./api-form.js";
import { Field } from "./field.js";
import { FormMessage } from "./form-field.js";

/**
 * After any sign-in: the new session's token, then onboarding for a new account (and for an empty profile, see
 * onboarding.ts) or the person's own page.
 */
function useAfterSignIn() {
  const { refresh } = useSession();
  const { route } = useLocation();
  return async (signedUp: boolean) => {
    await refresh();
    route(signedUp ? welcomeHref("name") : await landingAfterSignIn());
  };
}

export function SignUpForm() {
  const afterSignIn = useAfterSignIn();
  const form = useApiForm(["displayName", "email", "password"], async (data) => {
    await signUp({
      displayName: textOf(data, "displayName"),
      email: textOf(data, "email"),
      password: textOf(data, "password"),
      // The browser knows the person's time zone; sessions are then shown on their own clock from the start.
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    await afterSignIn(true);
  });
  // noValidate: the API's sentences (next to each field) say what is wrong, the same in every browser.
  return (
    <form id="sign-up" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-labelledby="sign-up-title">
      <h2 id="sign-up-title">Create an account</h2>
      <FormMessage form={form} />
      <Field
        form="sign-up"
        name="displayName"
        label="Your name"
        type="text"
        autoComplete="name"
        hint="As others will see it."
        error={form.fieldError("displayName")}
      />
      <Field
        form="sign-up"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        error={form.fieldError("email")}
      />
      <Field
        form="sign-up"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters; a few words you will remember work well."
        error={form.fieldError("password")}
      />
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Creating your account…" : "Create my account"}
      </button>
    </form>
  );
}

export function LogInForm() {
  const afterSignIn = useAfterSignIn();
  const form = useApiForm(["email", "password"], async (data) => {
    await logIn({ email: textOf(data, "email"), password: textOf(data, "password") });
    await afterSignIn(false);
  });
  return (
    <form id="log-in" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-labelledby="log-in-title">
      <h2 id="log-in-title">Log in</h2>
      <FormMessage form={form} />
      <Field
        form="log-in"
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        error={form.fieldError("email")}
      />
      <Field
        form="log-in"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={form.fieldError("password")}
      />
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
