import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService, TokenService } from '@app/accounts';
import type { AppConfig } from '@app/config';
import { ErrorCode } from '@app/common';
import { isConnectionError } from '@app/database';
import { isApiErrorCode } from './error-codes';
import type { GraphQLContext } from './graphql-context';
import { retryReadsOnConnectionLoss, serviceUnavailable, unavailableStatusPlugin } from './connection-loss';
import { createLoaders } from './loaders';
import { textInputPlugin } from './text-input.plugin';
import type { MentorProfilesService, OrganizationsService } from '@app/profiles';

// "more that N tokens" is graphql-js's parser (sic; later versions may spell it "than").
const LIMIT_MESSAGE =
  /(depth limit|aliases limit|token limit|cost limit|directives limit|more tha[nt] \d+ tokens)/i;
const REJECTED_BEFORE_EXECUTION = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

export const GRAPHQL_PATH = '/graphql';

/** Apollo settings: limits before execution, CSRF prevention, masked errors, per-request context. */
export function graphqlOptions(
  config: AppConfig,
  tokens: TokenService,
  accounts: AccountsService,
  organizations: OrganizationsService,
  mentors: MentorProfilesService,
): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    // Enforced by the parser instead (parseOptions below): Armor's token plugin throws from a
    // plugin hook, which Apollo answers with HTTP 500 rather than as a rejected request (400).
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    validationRules: armor.validationRules,
    transformSchema: (schema) => retryReadsOnConnectionLoss(schema),
    // Nest would reset every answer with a `data` key to 200, the 503 of unavailableStatusPlugin
    // included; our errors carry no `extensions.http`, so Apollo's own statuses are right.
    preserveHttpStatusForExecutionErrors: false,
    plugins: [
      ...armor.plugins,
      textInputPlugin,
      unavailableStatusPlugin,
      // No HTTP caching of GraphQL responses here; skips per-field cache hints work.
      ApolloServerPluginCacheControlDisabled(),
      config.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
    // Apollo's Fastify integration calls this with the request and the reply.
    context: (req: FastifyRequest, reply: FastifyReply): GraphQLContext => {
      const header = req.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      const actor = token ? tokens.verify(token) : null;
      return {
        req,
        reply,
        actor,
        tokenRejected: Boolean(token) && actor === null,
        loaders: createLoaders(accounts, organizations, mentors),
      };
    },
    formatError: formatError,
  };
}

/** Names limit violations, and never lets an unexpected error's text or stack out. */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (REJECTED_BEFORE_EXECUTION.has(code) && LIMIT_MESSAGE.test(formatted.message)) {
    return {
      message: formatted.message.replace(/^Syntax Error: /, ''),
      extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED },
    };
  }
  if (code.startsWith('GRAPHQL_') || code === 'BAD_REQUEST' || code === 'PERSISTED_QUERY_NOT_FOUND') {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  if (isApiErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    void _omit;
    return { ...formatted, extensions };
  }
  // Field resolvers run without Nest's exception filter: a lost connection there is named here.
  if (isConnectionError(error)) {
    return {
      message: serviceUnavailable(error).message,
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
