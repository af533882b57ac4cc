/**
 * Message content shapes that both ends of the Jupyter protocol in this repository read and write:
 * the kernel (kernel/dispatch, on the main thread) and the client behind `strided run`
 * (kernel/client). Types only, so either side can import them without pulling in the other's
 * code (nor zeromq). Reference: https://jupyter-client.readthedocs.io/en/latest/messaging.html
 */

/** `execute_request` content (messaging spec 5.3), with the fields the spec defaults filled. */
export interface ExecuteRequestContent {
  code: string;
  silent: boolean;
  store_history: boolean;
  user_expressions: Record<string, string>;
  allow_stdin: boolean;
  stop_on_error: boolean;
}

/** What an `error` message and an error reply carry: the exception's name, value and traceback lines. */
export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}
