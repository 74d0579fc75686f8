/**
 * The real kernel's POSIX message queues through glibc, by JNA: the only package of mqscope that imports
 * {@code com.sun.jna}. {@link org.mqscope.mq.kernel.KernelBackendProvider} registers it with
 * {@link org.mqscope.mq.MqBackends}; {@code NativeSupport} decides once whether it can run here.
 */
package org.mqscope.mq.kernel;
