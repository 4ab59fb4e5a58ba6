/** V8 flags for the processes that import files and serve (see node-flags.js). */
export declare const SERVER_NODE_FLAGS: readonly string[];
/** Whether this process already runs with them (command line or NODE_OPTIONS). */
export declare function hasServerNodeFlags(): boolean;
