import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** For pages: a missing record is the 404 page, a refused one the 403 page; anything else propagates. */
export async function notFoundOnMissing<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}
