import { ArgumentMetadata, HttpException, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainError, ErrorCode, badInput } from '@app/common';

/**
 * GraphQL parameters that are not client input: the parent object, the context, the info
 * (@nestjs/graphql's GqlParamtype ROOT = 0, CONTEXT = 1, INFO = 2, which it does not export).
 */
const NOT_INPUT = new Set(['0', '1', '2']);

/**
 * The global ValidationPipe, applied to what clients send (GraphQL args, HTTP body, query and
 * params) only. Nest also hands every field resolver's parent object to global pipes; checking
 * our own model objects on each nested field would validate nothing a client sent and cost
 * a class-transformer copy per parent per field.
 *
 * A refusal is BAD_USER_INPUT naming the first wrong field by its argument path (`input.name`,
 * `outcomes.0.note`, `comment`) in `extensions.field`, with the validator's sentences in
 * `problems`.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, whitelist: true, forbidUnknownValues: true });
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    if (NOT_INPUT.has(String(metadata.type))) return false;
    return super.toValidate(metadata);
  }

  override createExceptionFactory(): (errors?: ValidationError[]) => unknown {
    const base = super.createExceptionFactory();
    return (errors: ValidationError[] = []) => {
      const exception = base(errors);
      if (!(exception instanceof HttpException)) return exception;
      const message = (exception.getResponse() as { message?: unknown }).message;
      const problems = Array.isArray(message) ? message.map(String) : [String(message ?? exception.message)];
      const field = Object.keys(this.groupValidationErrors(errors))[0];
      return badInput(`Invalid input: ${problems.join('; ')}`, { field, problems });
    };
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      // @Args('input') validates the input object alone: its paths start below the argument.
      const arg = metadata.data;
      if (!(error instanceof DomainError) || error.code !== ErrorCode.BAD_USER_INPUT || !arg) throw error;
      const { field, problems } = error.details as { field?: string; problems: string[] };
      throw badInput(error.message, { field: field ? `${arg}.${field}` : arg, problems });
    }
  }
}
