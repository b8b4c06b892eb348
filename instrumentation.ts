/**
 * Runs once when the portal's server starts: the configuration is validated here, so a missing or malformed variable
 * stops the server at start-up with a message naming it, however the server was started.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
