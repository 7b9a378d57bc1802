package io.opsstack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON or YAML files named by flags and settings (YAML is a superset of JSON, so one reader takes both). */
final class StructuredFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StructuredFiles() {
    }

    /** The file's content as maps, lists and scalars; {@code what} names the flag or setting in errors. */
    static Object read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(what + ": file " + file + " does not exist");
        }
        try {
            return YAML.readValue(file.toFile(), Object.class);
        } catch (IOException e) {
            // The content is not echoed: such files may hold credentials.
            throw new UsageException(what + ": cannot read " + file + " as JSON or YAML: " + e.getClass().getSimpleName());
        }
    }
}
