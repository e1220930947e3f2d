import { Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { TokenService, type SessionActor } from '@app/accounts';
import { DomainError, ErrorCode, Role } from '@app/common';
import { QueueService } from '@app/queue';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { QUEUE_DASHBOARD_PATH, QUEUE_TICKET_SECONDS } from '../web/queue-dashboard';

@ObjectType('QueueDashboardTicket')
export class QueueDashboardTicketModel {
  @Field({ description: 'Open this address in the browser within a minute.' })
  url: string;

  @Field()
  expiresAt: Date;
}

@Resolver()
export class QueueDashboardResolver {
  constructor(
    private readonly tokens: TokenService,
    private readonly queue: QueueService,
  ) {}

  @Roles(Role.ADMIN)
  @Query(() => Boolean, {
    description:
      'Whether openQueueDashboard can open the dashboard: true when jobs run on Redis (services mode), false in ' +
      'embedded mode.',
  })
  queueDashboardAvailable(): boolean {
    return this.queue.dashboard() !== null;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => QueueDashboardTicketModel, {
    description:
      'A one-minute ticket that opens the job queue dashboard (Bull Board) in the browser. Only when jobs ' +
      'run on Redis (services mode): CONFLICT in embedded mode, whose jobs run in process.',
  })
  // The actor is the one TokenService.verify made, version included.
  openQueueDashboard(@CurrentActor() actor: SessionActor): QueueDashboardTicketModel {
    if (!this.queue.dashboard()) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        'The queue dashboard needs Redis: jobs run in process in embedded mode (set REDIS_URL)',
      );
    }
    const ticket = this.tokens.signFor(actor, 'queue-dashboard-ticket', QUEUE_TICKET_SECONDS);
    return {
      url: `${QUEUE_DASHBOARD_PATH}/?ticket=${encodeURIComponent(ticket)}`,
      expiresAt: new Date(Date.now() + QUEUE_TICKET_SECONDS * 1000),
    };
  }
}
