// The Lorebase API for TypeScript: openapi-fetch over the types `make sdk` generates
// from the OpenAPI schema (schema.d.ts). Every path, parameter and body is typed.
import createClient, { type Client } from "openapi-fetch";

import type { paths } from "./schema";

export type { components, operations, paths } from "./schema";

/** A client of one Lorebase server, authenticated with your API token. */
export function lorebaseClient(baseUrl: string, token: string): Client<paths> {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Token ${token}` } });
}
