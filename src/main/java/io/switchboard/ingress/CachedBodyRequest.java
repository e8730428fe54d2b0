package io.switchboard.ingress;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A request whose body a filter has already read (to check its size), so that the route can read
 * it again, as bytes or as text.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final boolean strictText;

    /**
     * @param body the whole body
     * @param strictText whether {@link #getReader()} refuses bytes that are not valid in the request's
     *     charset (UTF-8 unless the Content-Type names another), as the container's own reader does, with
     *     a {@link java.nio.charset.CharacterCodingException} when read; if false they become U+FFFD
     */
    public CachedBodyRequest(HttpServletRequest request, byte[] body, boolean strictText) {
        super(request);
        this.body = body;
        this.strictText = strictText;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /**
     * Camel's platform-http message asks for the reader of every request it wraps, even when a
     * webhook route then takes the body from {@link WebhookRequestGuard#BODY_ATTRIBUTE}: a reader
     * sized to the body costs a fraction of a default one over an {@code InputStreamReader} (16 KiB
     * of buffers).
     */
    @Override
    public BufferedReader getReader() throws IOException {
        int size = Math.max(1, body.length);
        if (!strictText) {
            return new BufferedReader(new StringReader(new String(body, StandardCharsets.UTF_8)), size);
        }
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), size);
    }

    private Charset charset() throws UnsupportedEncodingException {
        String name = getCharacterEncoding();
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(name);
        }
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
