"use client";

import { useEffect, useId, useRef, type DialogHTMLAttributes, type ReactNode } from "react";
import { cn } from "./cn";
import { CloseIcon } from "./icons";

export type DialogProps = Omit<DialogHTMLAttributes<HTMLDialogElement>, "open" | "title" | "onClose"> & {
  open: boolean;
  /** Called when the user closes the dialog (Escape, the close button, or a click on the backdrop). */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** Actions row at the bottom, usually a Button pair. */
  footer?: ReactNode;
};

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (so focus stays
 * inside) and turns Escape into a close request. Focus returns to whatever opened it.
 */
export function Dialog({ open, onClose, title, description, footer, className, children, ...props }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const openRef = useRef(open);
  const pressedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    openRef.current = open;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // showModal() focuses the first focusable element; `data-autofocus` picks another (e.g. the safe choice).
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={() => {
        // Closed natively (Escape, a method="dialog" form): tell the parent, whose `open` is the truth.
        if (openRef.current) onClose();
      }}
      onPointerDown={(event) => {
        pressedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        // The content fills the dialog box, so a click on the <dialog> itself is a click on the backdrop.
        if (pressedOnBackdrop.current && event.target === event.currentTarget) onClose();
      }}
      className={cn(
        "m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl bg-surface p-0 text-ink shadow-xl backdrop:bg-ink/50",
        className,
      )}
      {...props}
    >
      <div className="flex flex-col gap-4 p-6">
        <div className="flex items-start justify-between gap-4">
          <div className="flex flex-col gap-1">
            <h2 id={titleId} className="text-lg font-semibold text-ink">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="text-sm text-muted">
                {description}
              </p>
            )}
          </div>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close"
            className="-m-2 rounded-lg p-2 text-muted hover:bg-canvas hover:text-ink"
          >
            <CloseIcon className="size-5" />
          </button>
        </div>
        {children}
        {footer && <div className="flex flex-wrap justify-end gap-3 pt-2">{footer}</div>}
      </div>
    </dialog>
  );
}
