/**
 * The API's shapes as generated from its OpenAPI document (openapi-typescript, `make sdk`): one
 * source of truth, shared with the partner TypeScript SDK (`sdk/typescript/src/schema.d.ts`, seen here
 * through the `@jinkong/api-schema` path alias in tsconfig.json). The console's types derive from
 * these; where the document says only `string` for a closed set (roles, kinds, statuses) a type
 * narrows that one field and keeps the rest generated, so a renamed or removed field breaks `tsc`.
 * Money stays a decimal string, as the document describes it.
 */
import type { components, operations, paths } from "@jinkong/api-schema";

export type Schemas = components["schemas"];
export type Schema<K extends keyof Schemas> = Schemas[K];
export type { operations, paths };

/** `T` with the named fields replaced by narrower ones (an enum the document leaves as a string). */
export type Narrow<T, N extends { [K in keyof N]: K extends keyof T ? unknown : never }> = Omit<T, keyof N> & N;
