import "server-only";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";
import { signInMail } from "@/lib/mail/templates";
import { clientIpFrom } from "@/lib/request";
import { assertSignInAllowed, recordSignInRequest } from "./rate-limit";
import { issueSignInCode, SIGN_IN_MINUTES } from "./sign-in-code";
import { acceptInvitation, mayStaffSignIn } from "./invitations";
import { ensureWallet } from "@/lib/wallets/ensure-wallet";

/**
 * Auth.js runs the email sign-in: it issues the magic-link token, verifies it at /api/auth/callback/nodemailer
 * and keeps sessions in the database. Each email also carries a 6-digit code that opens the same link.
 * Reading the session for authorization is lib/auth/session.ts's job, not Auth.js's.
 */
export const { handlers, signIn, signOut } = NextAuth(() => {
  const config = env();
  return {
    adapter: PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]),
    secret: config.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: 7 * 24 * 3600, updateAge: 3600 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check", error: "/signin" },
    providers: [
      Nodemailer({
        server: config.SMTP_URL,
        from: config.MAIL_FROM,
        maxAge: SIGN_IN_MINUTES * 60,
        async sendVerificationRequest({ identifier: email, url, request }) {
          const requester = { email, ip: clientIpFrom(request.headers) };
          await assertSignInAllowed(requester);
          await recordSignInRequest(requester);
          const code = await issueSignInCode(email, url);
          await sendMail({ to: email, ...signInMail({ url, code, minutes: SIGN_IN_MINUTES }) });
          log.info("sign-in email sent");
        },
      }),
    ],
    callbacks: {
      // Disabled accounts, and staff whose invitation lapsed before first sign-in, get no email and no session.
      async signIn({ user }) {
        if (!user.email) return false;
        const existing = await db().user.findUnique({ where: { email: user.email.toLowerCase() } });
        if (!existing) return true;
        if (existing.status !== "ACTIVE") return false;
        return mayStaffSignIn(existing);
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
    events: {
      async signIn({ user }) {
        if (user.id) await acceptInvitation(user.id);
      },
      // Every new user gets a wallet at sign-up. Should this fail, the wallet is made on first use instead.
      async createUser({ user }) {
        if (!user.id) return;
        const userId = user.id;
        await db()
          .$transaction((tx) => ensureWallet(tx, userId))
          .catch((error: unknown) => log.error("could not create the wallet at sign-up", errorFields(error)));
      },
    },
  };
});
