import type { ApprovalRpcMap } from './approval/rpc.js';
import type { DeliveryRpcMap } from './delivery/rpc.js';
import type { FeesRpcMap } from './fees/rpc.js';
import type { IntakeRpcMap } from './intake/rpc.js';
import type { RoutingRpcMap } from './routing/rpc.js';
import type { Rpc } from './rpc.js';

/**
 * What each subject in `Rpc` takes and answers, composed from the owning services' `<Service>RpcMap`: the caller
 * (RpcClient.request) and the server (@OnRpc) are both checked against this one entry, so a request and its handler
 * cannot drift apart unnoticed. Commands are `Command<T>` (who acts + the data), queries the bare request.
 */
export interface RpcMap extends IntakeRpcMap, RoutingRpcMap, ApprovalRpcMap, FeesRpcMap, DeliveryRpcMap {}

export type RpcSubject = keyof RpcMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S]['request'];
export type RpcReply<S extends RpcSubject> = RpcMap[S]['reply'];

/** Every string leaf of `Rpc`. */
type LeavesOf<T> = T extends string ? T : { [K in keyof T]: LeavesOf<T[K]> }[keyof T];

/** Fails to compile when a subject is added to `Rpc` without its entry here. */
type EveryRpcSubjectMapped<M extends Record<LeavesOf<typeof Rpc>, { request: unknown; reply: unknown }>> = M;
type RpcMapIsComplete = EveryRpcSubjectMapped<RpcMap>;
