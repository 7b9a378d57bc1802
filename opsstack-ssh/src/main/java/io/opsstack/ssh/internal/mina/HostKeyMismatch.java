package io.opsstack.ssh.internal.mina;

/** Why a host key was refused; expected is null for an unknown host. Recorded on the session by the verifier. */
record HostKeyMismatch(String expectedFingerprint, String presentedFingerprint) {
}
