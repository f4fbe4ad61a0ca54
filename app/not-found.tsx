// Rendered per request (not prerendered) so that its scripts carry the CSP nonce that
// proxy.ts sets; a prerendered page's scripts would be blocked and never hydrate.
import { connection } from "next/server";

export default async function NotFound() {
  await connection();
  return (
    <p className="notice">
      There is no page at this address. <a href="/">Back to the dashboard</a>
    </p>
  );
}
