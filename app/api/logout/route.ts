// POST /api/logout — ends the admin session by clearing its cookie (200 with or without one).
import { NextResponse, type NextRequest } from "next/server";
import { endSession, refuseCrossSite } from "@/lib/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const response = NextResponse.json({ user: null }, { headers: { "Cache-Control": "no-store" } });
  endSession(request, response);
  return response;
}
