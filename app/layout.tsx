import type { Metadata } from "next";
import { Providers } from "@/components/portal/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CareChain Health", template: "%s · CareChain Health" },
  description: "Patient-centred records, booking, prescriptions and pharmacy, with consent you control.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
