export * from './economies';
export * from './isic';
export * from './languages';
export * from './locality';
export * from './size-class';
export * from './topics';
export * from './women-led';
