package io.opsstack.ssh.internal.mina;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Talks to an OpenSSH agent over its unix socket with the JDK's own unix-domain channels (MINA's
 * agent client needs native APR libraries). One request at a time.
 */
final class UnixSocketAgent extends AbstractAgentProxy {
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final SocketChannel channel;

    UnixSocketAgent(Path socket) throws IOException {
        super(null);
        this.channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot reach the SSH agent at " + socket, e);
        }
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        // the buffer already starts with the message length (see prepare())
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer header = readFully(4);
        int length = header.getInt();
        if (length <= 0 || length > MAX_MESSAGE_BYTES) {
            throw new IOException("SSH agent answered with an invalid message length " + length);
        }
        return new ByteArrayBuffer(readFully(length).array());
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            channel.close();
        }
    }

    private ByteBuffer readFully(int length) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(length);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new EOFException("the SSH agent closed the connection");
            }
        }
        in.flip();
        return in;
    }
}
