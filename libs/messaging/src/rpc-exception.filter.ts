import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns every unknown error into "Internal server error"; the NatsServer needs the
 * original error (its code for the caller, its cause for the log and the dead-letter record), so pass it through.
 */
@Catch()
export class PassThroughRpcFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'rpc') {
      const res = host.switchToHttp().getResponse();
      res.status(500).json({ code: 'INTERNAL', message: 'Internal error' });
      return;
    }
    return throwError(() => exception);
  }
}
