import "server-only";
import { headers } from "next/headers";
import { clientIpFrom } from "./client-ip";

/** The client IP of the page request being rendered. */
export async function requestIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}
