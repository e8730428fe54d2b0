package io.switchboard.ingress;

/**
 * Bad input from a caller: becomes a 4xx JSON error ({@code {"error": code, "message": ...}}),
 * is counted in metrics and logged without secrets, and adds nothing to the call model.
 * The message is shown to the caller, so it must never contain a secret.
 */
public class RejectedRequestException extends RuntimeException {

    private final int status;
    private final String code;

    public RejectedRequestException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static RejectedRequestException badRequest(String code, String message) {
        return new RejectedRequestException(400, code, message);
    }

    public static RejectedRequestException unauthorized(String code, String message) {
        return new RejectedRequestException(401, code, message);
    }

    public static RejectedRequestException forbidden(String code, String message) {
        return new RejectedRequestException(403, code, message);
    }

    public static RejectedRequestException notFound(String code, String message) {
        return new RejectedRequestException(404, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
