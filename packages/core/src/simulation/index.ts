// Public surface of core/simulation. Each export cites its formula and source in its own file.
export {};
