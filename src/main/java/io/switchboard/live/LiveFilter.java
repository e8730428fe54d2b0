package io.switchboard.live;

import io.switchboard.api.QueryParams;
import io.switchboard.call.Call;
import io.switchboard.call.Party;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.phone.PhoneNormalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which calls a live-feed client wants: {@code lines} and/or {@code agents} (comma-separated). No
 * filter: every call. Both: a call matching either. Lines may be written in any form
 * ({@code 33123456789}, {@code +33 1 23 45 67 89}, an extension); they are compared canonically.
 * And what it wants replayed on connect, before live changes: {@code replay=current} (the calls in
 * progress) and/or {@code since=<ISO-8601>} (the calls changed since then), see {@link #replays()}.
 */
record LiveFilter(Set<String> lines, Set<String> agents, boolean replayCurrent, Instant replaySince) {

    static final Set<String> PARAMETERS = Set.of("lines", "agents", "access_token", "replay", "since");

    LiveFilter(Set<String> lines, Set<String> agents) {
        this(lines, agents, false, null);
    }

    /** Whether the client asked for a replay on connect. */
    boolean replays() {
        return replayCurrent || replaySince != null;
    }

    static LiveFilter parse(String query, String defaultRegion) {
        Map<String, String> values = new LinkedHashMap<>() {
            @Override
            public String put(String name, String value) {
                if (containsKey(name)) { // as in the query API: which of two values is meant is not ours to guess
                    throw RejectedRequestException.badRequest(
                            "repeated_parameter", "Query parameter '" + name + "' is given more than once");
                }
                return super.put(name, value);
            }
        };
        InboundRequest.parseQuery(query, values);
        for (String name : values.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw RejectedRequestException.badRequest("unknown_parameter",
                        "Unknown query parameter '" + name + "'; allowed: agents, lines, replay, since, access_token");
            }
        }
        Set<String> lines = new LinkedHashSet<>();
        for (String line : split("lines", values.get("lines"))) {
            lines.add(line);
            for (boolean extensionFirst : new boolean[] {true, false}) {
                Party party = PhoneNormalizer.normalize(line, PhoneNormalizer.Context.of(defaultRegion, "[0-9*#]{1,10}", extensionFirst));
                if (party != null && party.number() != null) {
                    lines.add(party.number());
                }
            }
        }
        String replay = values.get("replay");
        if (replay != null && !replay.equals("current")) {
            throw RejectedRequestException.badRequest("invalid_replay",
                    "replay must be 'current' (the calls in progress), not '" + replay + "'");
        }
        return new LiveFilter(Set.copyOf(lines), Set.copyOf(split("agents", values.get("agents"))), replay != null,
                since(values.get("since")));
    }

    /** {@code 2026-11-23T09:00:00Z} or with an offset ({@code 2026-11-23T10:00:00+01:00}). */
    private static Instant since(String value) {
        if (value == null) {
            return null;
        }
        try {
            // an unencoded "+01:00" arrives as " 01:00" (form decoding): a space cannot be meant
            Instant since = OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
            if (!QueryParams.inRange(since)) {
                throw RejectedRequestException.badRequest("invalid_since", "since must be a time in the years 0001 to 9999");
            }
            return since;
        } catch (DateTimeParseException e) {
            throw RejectedRequestException.badRequest("invalid_since",
                    "since must be an ISO-8601 instant with an offset, e.g. 2026-11-23T09:00:00Z; got '" + value + "'");
        }
    }

    /** Comma-separated entries, each stripped of (Unicode) white space and no-break spaces; empty ones are skipped. */
    private static Set<String> split(String name, String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        if (QueryParams.hasControlCharacter(value)) {
            throw RejectedRequestException.badRequest("invalid_parameter", name + " must not contain control characters");
        }
        return Arrays.stream(value.split(",")).map(LiveFilter::stripSpace).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** {@link String#strip()} that also takes no-break spaces (U+00A0, U+2007, U+202F) off the ends. */
    private static String stripSpace(String entry) {
        int start = 0;
        int end = entry.length();
        while (start < end && isSpace(entry.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(entry.charAt(end - 1))) {
            end--;
        }
        return entry.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    boolean matches(Call call) {
        if (lines.isEmpty() && agents.isEmpty()) {
            return true;
        }
        return (call.line() != null && lines.contains(call.line())) || (call.agent() != null && agents.contains(call.agent()));
    }
}
