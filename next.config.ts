import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "nodemailer"],
  poweredByHeader: false,
  // Types are checked once, over the whole project, by the `types` tier of `npm test`; start-up does not wait for it.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  // Uploads (documents, FHIR bundles) are limited to 8 MB by the data layer, which explains the limit to the user.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "10mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
