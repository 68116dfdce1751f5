import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-background px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-center gap-2.5">
          {/* eslint-disable-next-line @next/next/no-img-element -- a static SVG logo needs no optimisation */}
          <img src="/logo.svg" alt="" width={32} height={32} />
          <span className="text-lg font-semibold tracking-tight text-foreground">Shipboard</span>
        </div>
        {children}
      </div>
    </main>
  );
}
