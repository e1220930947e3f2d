import type {
  AppControllerRoute,
  AppViewRoute,
  BullBoardQueues,
  ControllerHandlerReturnType,
  IServerAdapter,
  UIConfig,
} from '@bull-board/api/typings/app';

/**
 * The server side of the queue dashboard (Bull Board), neutral of the web framework: the routes,
 * views and static files Bull Board hands over, for the API to serve under one prefix. Only the
 * BullMQ driver has one (see QueueDriver.dashboard).
 */
export class QueueDashboardServer implements IServerAdapter {
  queues!: BullBoardQueues;
  viewsPath = '';
  statics = { route: '', path: '' };
  entry!: AppViewRoute;
  errorHandler!: (error: Error) => ControllerHandlerReturnType;
  apiRoutes: AppControllerRoute[] = [];
  uiConfig: UIConfig = {};

  setQueues(queues: BullBoardQueues) {
    this.queues = queues;
    return this;
  }
  setViewsPath(path: string) {
    this.viewsPath = path;
    return this;
  }
  setStaticPath(route: string, path: string) {
    this.statics = { route, path };
    return this;
  }
  setEntryRoute(route: AppViewRoute) {
    this.entry = route;
    return this;
  }
  setErrorHandler(handler: (error: Error) => ControllerHandlerReturnType) {
    this.errorHandler = handler;
    return this;
  }
  setApiRoutes(routes: AppControllerRoute[]) {
    this.apiRoutes = routes;
    return this;
  }
  setUIConfig(config: UIConfig) {
    this.uiConfig = config;
    return this;
  }
}
