import { notFound, forbidden, unauthenticated } from "@/lib/errors";
import type { MaybeActor, Actor } from "./actor";
import { rules, type Action, type ResourceOf } from "./rules";

export type { Actor, MaybeActor } from "./actor";
export type { Action } from "./rules";
export {
  brokerActsForScope,
  needFactsFrom,
  needFactsSelect,
  needScopeFor,
  needSummaryFieldScopeFor,
  resultScopeFor,
  teaserFieldScopeFor,
  viewerNeedInclude,
  viewerFactsOf,
} from "./scopes";

export function can<A extends Action>(actor: MaybeActor, action: A, ...resource: ResourceOf<A> extends void ? [] : [ResourceOf<A>]): boolean {
  const rule = rules[action] as ((a: MaybeActor, r: unknown) => boolean) | undefined;
  if (!rule) return false;
  return rule(actor, resource[0]);
}

// Throws the error a caller should see: 401 when signed out, 404 when the resource must stay
// hidden (another organisation's private row), 403 otherwise.
export function authorize<A extends Action>(
  actor: MaybeActor,
  action: A,
  ...resource: ResourceOf<A> extends void ? [] : [ResourceOf<A>]
): asserts actor is Actor {
  if (can(actor, action, ...resource)) return;
  if (!actor) throw unauthenticated();
  if (resource.length > 0) throw notFound();
  throw forbidden();
}
