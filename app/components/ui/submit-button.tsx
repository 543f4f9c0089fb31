import { useFormAction, useNavigation } from "@remix-run/react";
import type { ButtonHTMLAttributes } from "react";

/**
 * Whether a form of this page is being submitted: to this route's action (or `formAction`), and,
 * given `intent`, only a submission whose `intent` field is that value. A page with several
 * forms (a claim's verdict, dispute and matrix-check forms) disables only the one sent, not all.
 */
export function useIsPending({ intent, formAction }: { intent?: string; formAction?: string } = {}): boolean {
  const navigation = useNavigation();
  const routeAction = useFormAction();
  if (navigation.state === "idle" || !navigation.formMethod || navigation.formMethod.toUpperCase() === "GET") {
    return false;
  }
  if (navigation.formAction !== (formAction ?? routeAction)) return false;
  return intent === undefined || navigation.formData?.get("intent") === intent;
}

interface SubmitButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> {
  /** The form's `intent` (a hidden field or this button's value): pending only when that form is sent. */
  intent?: string;
}

/** A form's submit button, disabled while its own form is being sent (useIsPending). */
export function SubmitButton({ intent, disabled, className = "button", children, ...rest }: SubmitButtonProps) {
  const pending = useIsPending({ intent });
  return (
    <button
      type="submit"
      className={className}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}
