package io.switchboard.http;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import org.apache.camel.StreamCacheException;
import org.apache.camel.http.common.DefaultHttpBinding;

/**
 * A request body the stack could not read, which is the caller's fault, not the hub's: a form
 * body Camel's binding refused (a field without {@code =}), or bytes that are not valid text in
 * the body's charset (the stream cache reads it as UTF-8 unless the Content-Type names another),
 * or a body cut short.
 */
public final class UnreadableBody {

    /** The {@code error} code of the 400. */
    public static final String CODE = "malformed_body";

    /** The 400's message for a form body that is not {@code name=value} fields. */
    public static final String NOT_A_FORM =
            "The body could not be read: it is not valid application/x-www-form-urlencoded data (each field is name=value)";

    private UnreadableBody() {}

    public static boolean is(Throwable e) {
        if (textFault(e)) {
            return true;
        }
        if (e instanceof IllegalArgumentException) {
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().equals(DefaultHttpBinding.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The 400's message for {@code e}, which {@link #is} accepted. */
    public static String message(Throwable e) {
        return textFault(e)
                ? "The body could not be read: it is not valid text in its charset (UTF-8 unless the Content-Type says"
                        + " otherwise), or it was cut short"
                : NOT_A_FORM;
    }

    private static boolean textFault(Throwable e) {
        return charsetFault(e) || readFault(e);
    }

    /**
     * Camel's stream cache could not read the request's Reader: Tomcat's decoder refuses bytes that
     * are not valid in the charset, and the read Camel retries then finds the stream closed, so the
     * cause left is an IOException (or the client stopped sending).
     */
    private static boolean readFault(Throwable e) {
        boolean streamCache = false;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            streamCache |= t instanceof StreamCacheException;
            root = t;
        }
        return streamCache && root instanceof IOException;
    }

    private static boolean charsetFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }
}
