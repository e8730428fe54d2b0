package io.switchboard.http;

import io.switchboard.ingress.HttpReplies;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Map;
import org.apache.camel.StreamCacheException;
import org.apache.camel.http.common.DefaultHttpBinding;

/**
 * A request body the stack could not read, which is the caller's fault, not the hub's: a form
 * body Camel's binding refused (a field without {@code =}), or bytes that are not valid text in
 * the body's charset (the stream cache reads it as UTF-8 unless the Content-Type names another),
 * or a body cut short.
 */
public final class UnreadableBody {

    private UnreadableBody() {}

    public static boolean is(Throwable e) {
        if (charsetFault(e) || readFault(e)) {
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

    /** The 400 answer for {@code e}, which {@link #is} accepted. */
    public static Map<String, Object> error(Throwable e) {
        return HttpReplies.error(400, "malformed_body", "The body could not be read: it is not valid "
                + (charsetFault(e) || readFault(e)
                        ? "text in its charset (UTF-8 unless the Content-Type says otherwise), or it was cut short"
                        : "application/x-www-form-urlencoded data (each field is name=value)"));
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
