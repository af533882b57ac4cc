/**
 * Which requests on the control channel the transport answers itself and which it hands to the
 * main thread's dispatcher (the cell session lives there).
 *
 * Rule (ipykernel 6: `control_msg_types = msg_types + [...]`, every shell request type is answered
 * on control too; measured with Debian's ipykernel 6.17): a request on control gets its reply on
 * control, framed by busy/idle on iopub, never silence.
 * - The transport answers, off the main thread (so they answer while a cell spins):
 *   kernel_info_request, interrupt_request, shutdown_request, debug_request.
 * - The dispatcher answers, on the main thread: complete, inspect, is_complete, history and
 *   comm_info at once, even while a cell runs (they read the language service and the history,
 *   never the running cell's state), as soon as the main thread turns to its event loop (a cell
 *   that awaits; a cell spinning in `while (true) {}` holds them until it ends or is interrupted);
 *   execute_request queued ahead of the shell requests waiting, after the cell that runs now.
 *   ipykernel runs a control execute at once on its control thread, beside the running cell: its
 *   output and result were published with the running cell as parent, and it took that cell's
 *   execution count (measured); one JavaScript thread cannot run two cells at once without that
 *   kind of mix-up, so ours waits its turn.
 * - Comm messages on control are not answered (ipykernel handles them on shell only).
 */

/** Control requests the dispatcher (main thread) answers; their replies go out on control. */
export const MAIN_THREAD_CONTROL_REQUESTS: ReadonlySet<string> = new Set([
  "execute_request",
  "complete_request",
  "inspect_request",
  "is_complete_request",
  "history_request",
  "comm_info_request",
]);

/**
 * Whether a control request of this type goes to the main thread's dispatcher.
 *
 * @example
 * answeredOnMainThread("complete_request") // true
 * answeredOnMainThread("interrupt_request") // false
 */
export function answeredOnMainThread(msgType: string): boolean {
  return MAIN_THREAD_CONTROL_REQUESTS.has(msgType);
}
