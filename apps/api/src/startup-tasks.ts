import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DemoDataService } from '@app/seed';

/** The API loads the demo data on first start (tools such as the CLI do not). */
@Injectable()
export class DemoDataBootstrap implements OnApplicationBootstrap {
  constructor(private readonly demo: DemoDataService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.demo.loadOnFirstStart();
  }
}
