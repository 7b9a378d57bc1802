package io.opsstack.ssh.internal;

/** A regular file in a synced tree: path relative to the tree root, size, permission bits, SHA-256 (hex). */
public record FileInfo(String path, long size, int mode, String sha256) {
}
