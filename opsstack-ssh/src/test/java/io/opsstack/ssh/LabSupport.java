package io.opsstack.ssh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.opsstack.testkit.ssh.SshdLab;

/** Options and targets for the real sshd instances the tests start. */
final class LabSupport {

    private LabSupport() {
    }

    static SshOptions.Builder options(SshdLab lab) {
        return SshOptions.builder().knownHostsFile(lab.knownHostsFile()).identityFile(lab.clientKey());
    }

    static SshTarget target(SshdLab lab) {
        return SshTarget.parse(lab.target());
    }

    /** Collects listener lines; thread-safe. */
    static final class CollectingListener implements OutputListener {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onLine(SshTarget target, Stream stream, String line) {
            lines.add(stream + ":" + line);
        }
    }
}
