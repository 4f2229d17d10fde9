// A client generated from Warden's OpenAPI document (openapi-typescript types, openapi-fetch calls).
// `tsc --strict` type-checks it against the generated schema before it runs: a request or response body
// the document left untyped would fail to compile here, not at a customer's.
import createClient from "openapi-fetch";
import type { paths } from "./schema.js";

declare const process: { argv: string[] };

const [baseUrl, key] = process.argv.slice(2);
const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${key}` } });
const entity = "pin:generated-client";

const written = await client.POST("/api/v1/entities/{entity}/labels", {
  params: { path: { entity } },
  body: { source: { system: "ts-client", kind: "automated", name: "v1" }, enforcement: "limit", policy: "spam", createdAt: new Date().toISOString() },
});
if (!written.data) throw new Error("write refused: " + JSON.stringify(written.error));
const outcome: string = written.data.outcome;

const read = await client.GET("/api/v1/entities/{entity}/enforcement", { params: { path: { entity }, query: { surface: "home_feed" } } });
if (!read.data) throw new Error("read refused: " + JSON.stringify(read.error));
const enforcement: string = read.data.enforcement;
const because: string | null | undefined = read.data.winner?.source.system;

const batch = await client.POST("/api/v1/enforcement/batch", { body: { surface: "home_feed", entities: [entity, "pin:unlabelled"] } });
const verdicts: string[] = (batch.data ?? []).map(v => v.enforcement);

const submitted = await client.POST("/api/v1/entities/{entity}/content", {
  params: { path: { entity: "pin:generated-submit" } },
  body: { idempotencyKey: "ts-1", text: "hello from a generated client" },
});
if (!submitted.data) throw new Error("submit refused: " + JSON.stringify(submitted.error));
const status: string = submitted.data.status;

const queues = await client.GET("/api/v1/queues", { params: { query: { limit: 10 } } });
const queueCount: number = queues.data?.items.length ?? -1;

const refused = await client.POST("/api/v1/entities/{entity}/labels", {
  params: { path: { entity } },
  body: { source: { system: "ts-client", kind: "automated", name: "v1" }, enforcement: "no-such-enforcement", policy: "spam", createdAt: new Date().toISOString() },
});

console.log(JSON.stringify({ outcome, enforcement, because, verdicts, status, queueCount, refusedStatus: refused.response.status }));
