package io.opsstack.testkit.opensearch;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Finds live processes whose command line mentions a lab directory. */
final class LabProcesses {

    private LabProcesses() {
    }

    static List<ProcessHandle> under(Path directory) {
        String marker = directory.toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains(marker))
                .collect(Collectors.toList());
    }
}
