package io.opsstack.ssh.internal.mina;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsTimeoutException;
import io.opsstack.ssh.Command;
import io.opsstack.ssh.CommandResult;
import io.opsstack.ssh.OutputListener;
import io.opsstack.ssh.SshException;
import io.opsstack.ssh.SshTarget;
import io.opsstack.ssh.internal.OutputCapture;
import io.opsstack.ssh.internal.RunMarker;

/** Runs one command on an exec channel: stdin, streamed and bounded output, timeout with kill, exit status. */
final class ExecChannelRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExecChannelRunner.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final Duration openTimeout;

    ExecChannelRunner(Duration openTimeout) {
        this.openTimeout = openTimeout;
    }

    /**
     * @throws ChannelOpenFailure if the channel could not be opened (nothing ran, safe to retry)
     */
    CommandResult run(ClientSession session, SshTarget target, Command command, Duration timeout, OutputListener listener) {
        OutputCapture stdout = new OutputCapture(target, OutputListener.Stream.STDOUT, command, listener, command.maxStdoutBytes());
        OutputCapture stderr = new OutputCapture(target, OutputListener.Stream.STDERR, command, listener, command.maxStderrBytes());
        long started = System.nanoTime();
        RunMarker marker = new RunMarker();
        ChannelExec channel = open(session, target, marker.wrap(command.commandLine()), stdout, stderr);
        try {
            writeStdin(channel, command, target);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout.toMillis());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (events.contains(ClientChannelEvent.TIMEOUT) && !events.contains(ClientChannelEvent.CLOSED)) {
                kill(session, channel, target, marker, command.sudo());
                throw new OpsTimeoutException("command `" + command.display() + "` on " + target + " did not finish within "
                        + timeout + "; it was killed", null, target.toString());
            }
            stdout.finish();
            stderr.finish();
            Integer status = channel.getExitStatus();
            String signal = channel.getExitSignal();
            if (status == null && signal == null) {
                throw new SshException("connection lost while running `" + command.display() + "` on " + target
                        + " after " + elapsed.toMillis() + " ms; the command's outcome is unknown", null, target.toString());
            }
            return new CommandResult(target, command.display(), status == null ? -1 : status, signal,
                    stdout.text(), stderr.text(), elapsed, stdout.truncated(), stderr.truncated());
        } finally {
            channel.close(true);
        }
    }

    private ChannelExec open(ClientSession session, SshTarget target, String commandLine, OutputStream stdout, OutputStream stderr) {
        ChannelExec channel = null;
        try {
            channel = session.createExecChannel(commandLine);
            channel.setOut(stdout);
            channel.setErr(stderr);
            if (!channel.open().verify(openTimeout).isOpened()) {
                throw new IOException("channel not opened");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close(true);
            }
            throw new ChannelOpenFailure(new SshException("cannot open a command channel on " + target + ": " + e.getMessage(),
                    e, target.toString()));
        }
    }

    private static void writeStdin(ChannelExec channel, Command command, SshTarget target) {
        try (OutputStream in = channel.getInvertedIn()) {
            byte[] bytes = command.stdin();
            if (bytes != null) {
                in.write(bytes);
            }
        } catch (IOException e) {
            // a command may exit without reading its input; its exit status tells what happened
            LOG.debug("stdin of a command on {} was not fully written: {}", target, e.toString());
        }
    }

    /**
     * Asks sshd to SIGKILL the command (honoured for non-root logins), closes the channel, then kills
     * what still carries the run marker through a second channel.
     */
    private void kill(ClientSession session, ChannelExec channel, SshTarget target, RunMarker marker, boolean sudo) {
        try {
            Buffer request = session.createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
            request.putUInt(channel.getRecipient());
            request.putString("signal");
            request.putBoolean(false);
            request.putString("KILL");
            session.writePacket(request);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot send a kill signal to a command on {}: {}", target, e.toString());
        }
        channel.close(false);
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), CLOSE_GRACE.toMillis());
        Command killCommand = marker.killCommand(sudo);
        try {
            run(session, target, killCommand, killCommand.timeout(), null);
        } catch (RuntimeException e) {
            LOG.warn("cannot make sure a timed-out command on {} is gone: {}", target, e.getMessage());
        }
    }

    /** The channel could not be opened: the command never started. */
    static final class ChannelOpenFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChannelOpenFailure(SshException cause) {
            super(cause.getMessage(), cause);
        }

        SshException sshException() {
            return (SshException) getCause();
        }
    }
}
