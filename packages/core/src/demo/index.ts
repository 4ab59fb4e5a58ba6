export * from './demo-operation.js';
export { demoSubject } from './demo-phrases.js';
