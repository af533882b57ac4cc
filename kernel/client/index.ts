/**
 * Our own Jupyter client: launch a kernel, talk to it over ZeroMQ, turn its iopub messages into
 * notebook outputs. Used by `strided run`, the end-to-end tests and the kernel benchmark.
 */
export * from "./connection.js";
export * from "./kernelspec.js";
export * from "./launch.js";
export * from "./client.js";
export * from "./messages.js";
