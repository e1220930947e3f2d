import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';

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
}
