package io.ictal.shell.internal;

/**
 * A failure to report to the user as one line, without a stack trace; bin/ictal turns it into a
 * non-zero exit code.
 */
public class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Karaf prints the message of an action's exception; keep it to the message alone. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
