export * from './errors.ts';
export * from './i18n.ts';
export * from './ids.ts';
export * from './messages.ts';
export * from './schemas/common.ts';
export * from './schemas/registry.ts';
export * from './units.ts';
export * from './validation.ts';
