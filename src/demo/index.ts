// The demo generator's public face.
export { seedDemo, networkIsEmpty } from './seed-demo';
export type { DemoLogin } from './seed-demo';
