package io.opsstack.ssh.internal.mina;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import io.opsstack.ssh.internal.FileModes;

/** SFTP upload and download keeping permission bits; uploads are renamed into place. */
final class SftpTransfers {

    private SftpTransfers() {
    }

    static void upload(ClientSession session, Path localFile, String remotePath) throws IOException {
        int mode = FileModes.of(localFile);
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            String parent = parentOf(remotePath);
            if (parent != null) {
                mkdirs(sftp, parent);
            }
            String temporary = (parent == null ? "" : parent + "/") + "." + nameOf(remotePath) + ".opsstack-" + UUID.randomUUID();
            try {
                try (OutputStream out = sftp.write(temporary)) {
                    Files.copy(localFile, out);
                }
                sftp.setStat(temporary, new SftpClient.Attributes().perms(mode));
                rename(sftp, temporary, remotePath);
            } catch (IOException e) {
                removeQuietly(sftp, temporary);
                throw e;
            }
        }
    }

    static void download(ClientSession session, String remotePath, Path localFile) throws IOException {
        Path parent = localFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + localFile.getFileName(), ".opsstack");
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            int mode = sftp.stat(remotePath).getPermissions();
            try (InputStream in = sftp.read(remotePath)) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            FileModes.apply(temporary, mode);
            Files.move(temporary, localFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void rename(SftpClient sftp, String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posixRename = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posixRename != null && posixRename.isSupported()) {
            posixRename.posixRename(from, to);
            return;
        }
        // plain SFTP v3 rename refuses to replace an existing file
        removeQuietly(sftp, to);
        sftp.rename(from, to);
    }

    private static void mkdirs(SftpClient sftp, String directory) throws IOException {
        if (exists(sftp, directory)) {
            return;
        }
        String parent = parentOf(directory);
        if (parent != null) {
            mkdirs(sftp, parent);
        }
        try {
            sftp.mkdir(directory);
        } catch (SftpException e) {
            if (!exists(sftp, directory)) {
                throw e;
            }
        }
    }

    private static boolean exists(SftpClient sftp, String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }

    private static void removeQuietly(SftpClient sftp, String path) {
        try {
            sftp.remove(path);
        } catch (IOException ignored) {
            // absent already
        }
    }

    /** The parent of a remote path, or null for a bare name or the root. */
    private static String parentOf(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        return slash == 0 ? (trimmed.length() > 1 ? "/" : null) : trimmed.substring(0, slash);
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
