/**
 * Internal: the definitions behind {@link io.opsstack.victoria.VictoriaClusterOps}' membership and
 * rolling-restart operations (steps, guards, metric gates, storage-list checks). Not supported API; may
 * change in any release. Definitions are used by one apply at a time.
 */
package io.opsstack.victoria.internal.ops;
