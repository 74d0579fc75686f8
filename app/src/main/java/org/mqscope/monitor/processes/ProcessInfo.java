package org.mqscope.monitor.processes;

/**
 * Who a process is, as /proc tells it (or the emulation): read once per process and kept while its pid lives.
 *
 * @param user "1000 (alice)" or "1000"; null when the uid is unknown
 */
record ProcessInfo(int pid, String command, String commandLine, int uid, String user) {
}
