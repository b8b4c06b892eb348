import {
  Children,
  cloneElement,
  isValidElement,
  useId,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "./cn";
import { AlertCircleIcon, ChevronDownIcon } from "./icons";

/** `lg` gives large touch targets for the pharmacy counter. */
export type FieldSize = "md" | "lg";

function controlClasses(size: FieldSize = "md") {
  return cn(
    "block w-full rounded-lg border border-line-strong bg-surface text-ink placeholder:text-muted",
    "aria-invalid:border-danger aria-invalid:ring-1 aria-invalid:ring-danger",
    "disabled:cursor-not-allowed disabled:bg-canvas disabled:text-muted",
    size === "lg" ? "px-4 text-lg" : "px-3 text-sm",
  );
}

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "size"> & { size?: FieldSize };

export function Input({ size, className, ...props }: InputProps) {
  return <input className={cn(controlClasses(size), size === "lg" ? "h-14" : "h-10", className)} {...props} />;
}

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { size?: FieldSize };

export function Textarea({ size, className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClasses(size), "py-2", className)} {...props} />;
}

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "size"> & { size?: FieldSize };

/** A native select, restyled; the chevron is drawn over it and lets clicks through. */
export function Select({ size, className, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", className)}>
      <select
        className={cn(controlClasses(size), "appearance-none pr-10", size === "lg" ? "h-14" : "h-10")}
        {...props}
      >
        {children}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-5 -translate-y-1/2 text-muted" />
    </div>
  );
}

/** The attributes FormField gives its control. */
type ControlProps = {
  id?: string;
  size?: FieldSize;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
};

export type FormFieldProps = {
  label: ReactNode;
  /** One Input, Textarea or Select (or any control taking the same attributes). */
  children: ReactElement<ControlProps>;
  hint?: ReactNode;
  /** Shown under the control, which is then marked invalid. */
  error?: ReactNode;
  required?: boolean;
  size?: FieldSize;
  className?: string;
};

/**
 * Label, hint and error around one control: it wires the label's `for`, `aria-describedby`
 * (hint then error), `aria-invalid` and `required` onto the control, so callers cannot forget them.
 */
export function FormField({ label, children, hint, error, required, size, className }: FormFieldProps) {
  const generatedId = useId();
  const control = Children.only(children);
  if (!isValidElement(control)) throw new Error("FormField needs exactly one control element");
  const id = control.props.id ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [control.props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;
  const large = size === "lg";

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className={cn("font-medium text-ink", large ? "text-lg" : "text-sm")}>
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-danger">
            *
          </span>
        )}
      </label>
      {hint && (
        <p id={hintId} className={cn("text-muted", large ? "text-base" : "text-sm")}>
          {hint}
        </p>
      )}
      {cloneElement(control, {
        id,
        size: control.props.size ?? size,
        required: control.props.required ?? required,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : control.props["aria-invalid"],
      })}
      {error && (
        <p id={errorId} className={cn("flex items-start gap-1.5 font-medium text-danger", large ? "text-base" : "text-sm")}>
          <AlertCircleIcon className="mt-0.5" />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
