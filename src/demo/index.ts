// The demo generator's public face.
export { findDemoLogins, seedDemo, networkIsEmpty } from './seed-demo';
export type { DemoLogin } from './seed-demo';
export { generateDemoNetwork, demoLogins, needDomains } from './generate';
export type { DemoNetwork, DemoOrganization, DemoService, DemoUnit, DemoUser, NeedDomain } from './generate';
