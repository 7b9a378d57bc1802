package io.opsstack.ssh;

import io.opsstack.api.error.OpsClientException;

/** The SSH transport failed: connection lost, channel or SFTP failure, bad key file. */
public class SshException extends OpsClientException {
    private static final long serialVersionUID = 1L;

    public SshException(String message, Throwable cause, String target) {
        super(message, cause, target);
    }
}
