package io.ictal.viewer.web.internal;

/** A request the viewer cannot serve; {@code status} is the HTTP status the page gets with the message. */
final class ViewerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;

    ViewerException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ViewerException notFound(String message) {
        return new ViewerException(404, message);
    }

    static ViewerException badRequest(String message) {
        return new ViewerException(400, message);
    }
}
