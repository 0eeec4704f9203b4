"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label, locale }: { label: string; locale: string }) {
  return (
    <button type="button" className="rounded px-2 py-1 hover:bg-slate-100" onClick={() => signOut({ callbackUrl: `/${locale}` })}>
      {label}
    </button>
  );
}
