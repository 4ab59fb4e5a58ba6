export * from './leads-report.js';
