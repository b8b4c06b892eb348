"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";
import { AlertCircleIcon, CheckCircleIcon, CloseIcon, InfoIcon } from "./icons";

export type ToastTone = "success" | "error" | "info";

export type ToastOptions = {
  tone?: ToastTone;
  title?: string;
  /** Milliseconds before it goes away; `Infinity` keeps it until dismissed. */
  duration?: number;
};

type ToastItem = Required<Pick<ToastOptions, "tone" | "duration">> & { id: number; title?: string; message: string };

export type ToastApi = {
  show: (message: string, options?: ToastOptions) => number;
  success: (message: string, options?: Omit<ToastOptions, "tone">) => number;
  error: (message: string, options?: Omit<ToastOptions, "tone">) => number;
  info: (message: string, options?: Omit<ToastOptions, "tone">) => number;
  dismiss: (id: number) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

/** Errors stay longer: they usually ask the reader to do something. */
const defaultDuration: Record<ToastTone, number> = { success: 5000, info: 5000, error: 10000 };

const toneStyle: Record<ToastTone, { box: string; Icon: typeof InfoIcon }> = {
  success: { box: "border-success/30 text-success", Icon: CheckCircleIcon },
  error: { box: "border-danger/30 text-danger", Icon: AlertCircleIcon },
  info: { box: "border-info/30 text-info", Icon: InfoIcon },
};

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}

/**
 * Holds the toasts and their polite live region. Timers pause while the pointer or keyboard focus
 * is on a toast, so nobody loses a message they are reading; Escape on a focused toast dismisses it.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const nextId = useRef(1);
  /** Where keyboard focus was before it entered the toasts, to give it back when they are gone. */
  const focusBeforeRegion = useRef<HTMLElement | null>(null);

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), []);

  /** A dismissal by the reader: keep focus on a neighbouring toast, or return it to where it came from. */
  const dismissByUser = useCallback(
    (id: number, item: HTMLElement) => {
      if (item.contains(document.activeElement)) {
        const neighbour = (item.nextElementSibling ?? item.previousElementSibling)?.querySelector("button");
        const target = neighbour ?? focusBeforeRegion.current;
        if (target?.isConnected) target.focus();
        else setFocused(false);
      }
      dismiss(id);
    },
    [dismiss],
  );

  const api = useMemo<ToastApi>(() => {
    const show = (message: string, { tone = "info", title, duration }: ToastOptions = {}) => {
      const id = nextId.current++;
      setToasts((current) => [...current, { id, tone, title, message, duration: duration ?? defaultDuration[tone] }]);
      return id;
    };
    return {
      show,
      success: (message, options) => show(message, { ...options, tone: "success" }),
      error: (message, options) => show(message, { ...options, tone: "error" }),
      info: (message, options) => show(message, { ...options, tone: "info" }),
      dismiss,
    };
  }, [dismiss]);

  return (
    <ToastContext value={api}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed right-0 bottom-0 z-50 flex w-full max-w-sm flex-col p-4"
        onPointerEnter={() => setHovered(true)}
        onPointerLeave={() => setHovered(false)}
        onFocus={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget) && event.relatedTarget instanceof HTMLElement) {
            focusBeforeRegion.current = event.relatedTarget;
          }
          setFocused(true);
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
        }}
      >
        <ol aria-live="polite" aria-relevant="additions" className="flex flex-col gap-3">
          {toasts.map((toast) => (
            <Toast
              key={toast.id}
              toast={toast}
              paused={hovered || focused}
              onExpire={dismiss}
              onDismiss={dismissByUser}
            />
          ))}
        </ol>
      </section>
    </ToastContext>
  );
}

type ToastProps = {
  toast: ToastItem;
  paused: boolean;
  onExpire: (id: number) => void;
  onDismiss: (id: number, item: HTMLElement) => void;
};

function Toast({ toast, paused, onExpire, onDismiss }: ToastProps) {
  const remaining = useRef(toast.duration);
  const { box, Icon } = toneStyle[toast.tone];

  useEffect(() => {
    if (paused || !Number.isFinite(remaining.current)) return;
    const startedAt = Date.now();
    const timer = setTimeout(() => onExpire(toast.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - startedAt;
    };
  }, [paused, toast.id, onExpire]);

  return (
    <li
      className={cn("pointer-events-auto flex items-start gap-3 rounded-xl border bg-surface p-4 shadow-lg", box)}
      onKeyDown={(event) => {
        if (event.key === "Escape") onDismiss(toast.id, event.currentTarget);
      }}
    >
      <Icon className="mt-0.5 size-5" />
      <div className="flex-1 text-sm text-ink">
        {toast.title && <p className="font-semibold">{toast.title}</p>}
        <p>{toast.message}</p>
      </div>
      <button
        type="button"
        onClick={(event) => {
          const item = event.currentTarget.closest("li");
          if (item) onDismiss(toast.id, item);
        }}
        aria-label="Dismiss notification"
        className="-m-1 rounded-md p-1 text-muted hover:bg-canvas hover:text-ink"
      >
        <CloseIcon />
      </button>
    </li>
  );
}
