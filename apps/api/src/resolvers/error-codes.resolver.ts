import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/auth.decorators';
import { API_ERROR_CODES } from '../graphql/error-codes';

@Resolver()
export class ErrorCodesResolver {
  @Public()
  @Query(() => [API_ERROR_CODES], {
    description: 'Every code an error may carry in `extensions.code`, for clients to map to messages.',
  })
  errorCodes(): string[] {
    return Object.values(API_ERROR_CODES);
  }
}
