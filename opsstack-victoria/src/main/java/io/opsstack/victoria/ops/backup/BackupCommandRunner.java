package io.opsstack.victoria.ops.backup;

import java.time.Duration;
import java.util.List;

/**
 * Runs a command (vmbackup, vmrestore, the manifest write) on the host of a vmstorage node.
 * {@link SshBackupCommandRunner} does it over SSH; implement it for another transport.
 */
public interface BackupCommandRunner {

    /**
     * Runs {@code command} (an argument list, not a shell line) on the host of {@code node} and
     * returns its output, stdout followed by stderr (vmbackup logs to stderr).
     *
     * @param node    the vmstorage node's name in the cluster definition
     * @param stdin   bytes for the command's stdin, or null for none
     * @param timeout the command is killed after it
     * @throws io.opsstack.api.error.OpsException when the command cannot run or exits non-zero
     */
    String run(String node, List<String> command, String stdin, Duration timeout);
}
