package io.opsstack.victoria.ops;

/**
 * Reads and replaces the whole text of one node's flags file, wherever it is: {@link LocalFlagFiles}
 * for files on this machine; over SSH, implement it with the SSH module's executor (e.g.
 * {@code sudo -n cat <path>} and {@code sudo -n tee <path>}) or any remote-file tool. Kept this small so
 * opsstack-victoria needs no SSH dependency.
 */
public interface FlagFileAccess {

    /** The file's text; an empty string when the file does not exist yet. */
    String read(String node);

    /** Replaces the file's text (creating it), preferably atomically. */
    void write(String node, String content);

    /** The file's location, for plans and messages. */
    String location(String node);
}
