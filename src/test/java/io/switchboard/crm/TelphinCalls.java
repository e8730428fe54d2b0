package io.switchboard.crm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends Telphin's answered-call fixture (dial-in, answer, hangup: RINGING → ANSWERED → ENDED) to a
 * hub under a fresh CallID, the way Telphin would (GET with the event in the query string).
 */
public final class TelphinCalls {

    private static final String FIXTURE_CALL_ID = "a1f4c2e87b3d4e0f9c6b5a2d1e8f7c01";
    private static final List<String> STEPS = List.of("01-dial-in", "02-answer", "03-hangup");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    /** @param base e.g. {@code http://127.0.0.1:8080}; token of the {@code telphin-demo} source */
    public TelphinCalls(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * One whole answered call; returns its vendor CallID. Its times are shifted so it ends now (the
     * fixture's own times stay free for the vendor end-to-end tests that share the journal).
     */
    public String answeredCall() {
        String callId = UUID.randomUUID().toString().replace("-", "");
        long shiftUs = System.currentTimeMillis() * 1000 - FIXTURE_HANGUP_US;
        for (String step : STEPS) {
            send(step, callId, shiftUs);
        }
        return callId;
    }

    private static final long FIXTURE_HANGUP_US = 1732350103750000L;
    private static final Pattern EVENT_TIME = Pattern.compile("EventTime=(\\d+)");

    private void send(String step, String callId, long shiftUs) {
        try {
            String query = Files.readString(
                            Path.of("src/test/resources/fixtures/telphin/inbound-answered/" + step + ".query"),
                            StandardCharsets.UTF_8)
                    .strip()
                    .replace(FIXTURE_CALL_ID, callId);
            Matcher m = EVENT_TIME.matcher(query);
            query = m.replaceFirst("EventTime=" + (Long.parseLong(m.find() ? m.group(1) : "0") + shiftUs));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/webhooks/telphin/" + token + "?" + query)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("hub answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
