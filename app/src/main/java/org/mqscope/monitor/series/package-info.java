/**
 * Recent history of every queue for the charts (bounded rings of primitives fed from sample batches) and the
 * thresholds that grade a queue's depth. No Swing here.
 */
package org.mqscope.monitor.series;
