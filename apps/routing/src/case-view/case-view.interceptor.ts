import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { concatMap, last, type Observable } from 'rxjs';
import { EventContext } from '#libs/messaging';
import { CaseViewProjection } from './case-view-projection.js';

/**
 * The one place the case view hears of routing's events: every @OnEvent handler of the service (registered for all
 * of them as APP_INTERCEPTOR in RoutingModule) is followed, in its transaction, by CaseViewProjection.apply. A handler
 * added later is covered without knowing of the view; one that throws rolls the view back with everything else.
 * Requests (@OnRpc) pass through.
 */
@Injectable()
export class CaseViewInterceptor implements NestInterceptor {
  constructor(private readonly projection: CaseViewProjection) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ctx: unknown = context.getType() === 'rpc' ? context.switchToRpc().getContext() : undefined;
    if (!(ctx instanceof EventContext)) return next.handle();
    return next.handle().pipe(
      last(undefined, undefined),
      concatMap(async (result) => {
        await this.projection.apply(ctx.tx, ctx.event);
        return result;
      }),
    );
  }
}
