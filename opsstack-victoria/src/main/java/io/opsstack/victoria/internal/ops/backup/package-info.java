/**
 * Internal: the backup and restore operations behind {@code VictoriaClusterOps.backup} and
 * {@code restore}. Not a supported API; may change in any release. Non-null unless documented;
 * definitions are used by one apply at a time.
 */
package io.opsstack.victoria.internal.ops.backup;
