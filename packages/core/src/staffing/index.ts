// Public surface of core/staffing. Each export cites its formula and source in its own file.
export {};
