/**
 * Supported: cluster backups and restores of vmstorage nodes ({@code VictoriaClusterOps.backup},
 * {@code restore}): requests, the manifest, and the {@link io.opsstack.victoria.ops.backup.BackupCommandRunner}
 * that runs vmbackup and vmrestore on the storage hosts (over SSH with
 * {@link io.opsstack.victoria.ops.backup.SshBackupCommandRunner}). Values are immutable and
 * thread-safe; non-null unless documented.
 */
package io.opsstack.victoria.ops.backup;
