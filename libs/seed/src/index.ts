export * from './demo-data.service';
export * from './population';
export * from './population-loader.service';
export * from './random';
export * from './seed.module';
