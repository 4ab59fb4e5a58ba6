// Public surface of core/insight. Each export cites its formula and source in its own file.
export {};
