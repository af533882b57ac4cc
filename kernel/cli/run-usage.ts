/** The usage line of `strided run`, apart from run.ts so the command table can show it without loading the client. */
export const RUN_USAGE = "usage: strided run NOTEBOOK.ipynb [more.ipynb ...] [--out DIR] [--timeout SECONDS] [--kernel NAME]";
