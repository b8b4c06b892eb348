export type ClassValue = string | false | null | undefined;

/**
 * Joins class names, skipping falsy values. There is no class merging: a caller's `className`
 * is appended, so pass additions (width, margin) rather than overrides of a component's own classes.
 */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}
