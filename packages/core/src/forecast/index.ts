// Forecasting interval volumes: seasonal naive, weekly means, a Poisson day-of-week × time-of-day
// model with a level, Taylor's double-seasonal smoothing, rolling-origin backtests, accuracy metrics,
// prediction intervals, special days and outlier flags (docs/maths/forecast.md).
export * from './accuracy.js';
export * from './backtest.js';
export * from './damped-level.js';
export * from './double-seasonal.js';
export * from './forecast.js';
export * from './intraday-reforecast.js';
export * from './median-combination.js';
export * from './methods.js';
export * from './outliers.js';
export * from './poisson-profile.js';
export * from './pooled-profile.js';
export * from './pooled-tuned.js';
export * from './prediction-interval.js';
export * from './seasonal-naive.js';
export * from './series.js';
export * from './week-mean.js';
