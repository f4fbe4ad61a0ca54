import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Tension Index",
  description: "Dated statements of two countries' leaders, scored from hostile (−10) to conciliatory (+10).",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <h1>Tension Index</h1>
          <p className="tagline">Leaders&rsquo; statements, scored from hostile (−10) to conciliatory (+10)</p>
          <nav className="site-nav" aria-label="Sections">
            <a href="/" data-testid="nav-dashboard">
              Dashboard
            </a>
            <a href="/methodology" data-testid="nav-methodology">
              Methodology
            </a>
            <a href="/admin" data-testid="nav-admin">
              Admin
            </a>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
