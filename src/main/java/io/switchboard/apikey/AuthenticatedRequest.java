package io.switchboard.apikey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The request with the authenticated key's id in the header {@link #KEY_ID_HEADER}, so routes
 * (which see headers, not servlet attributes) know who asked. A value the caller sent under that
 * name is replaced, never trusted.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    /** Header carrying the authenticated API key's id ({@code demo}, never the key). */
    static final String KEY_ID_HEADER = ApiKeyHeaders.KEY_ID;

    private final String keyId;

    AuthenticatedRequest(HttpServletRequest request, String keyId) {
        super(request);
        this.keyId = keyId;
    }

    @Override
    public String getHeader(String name) {
        return KEY_ID_HEADER.equalsIgnoreCase(name) ? keyId : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return KEY_ID_HEADER.equalsIgnoreCase(name) ? Collections.enumeration(Set.of(keyId)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
            String name = e.nextElement();
            if (!KEY_ID_HEADER.equalsIgnoreCase(name)) {
                names.add(name);
            }
        }
        names.add(KEY_ID_HEADER);
        return Collections.enumeration(names);
    }
}
