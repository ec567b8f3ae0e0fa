import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { etag } from './if-match';

/**
 * Every response that is one versioned record carries its version as ETag, the value a client
 * sends back in If-Match. One place, so no controller can forget it.
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') {
          const res = context.switchToHttp().getResponse<Response>();
          if (!res.headersSent) res.setHeader('ETag', etag(version));
        }
        return body;
      }),
    );
  }
}
