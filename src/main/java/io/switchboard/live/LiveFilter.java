package io.switchboard.live;

import io.switchboard.call.Call;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.phone.PhoneNormalizer;
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
 */
record LiveFilter(Set<String> lines, Set<String> agents) {

    static final Set<String> PARAMETERS = Set.of("lines", "agents", "access_token");

    static LiveFilter parse(String query, String defaultRegion) {
        Map<String, String> values = new LinkedHashMap<>();
        InboundRequest.parseQuery(query, values);
        for (String name : values.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw RejectedRequestException.badRequest("unknown_parameter",
                        "Unknown query parameter '" + name + "'; allowed: agents, lines, access_token");
            }
        }
        Set<String> lines = new LinkedHashSet<>();
        for (String line : split(values.get("lines"))) {
            lines.add(line);
            lines.add(PhoneNormalizer.normalize(line, PhoneNormalizer.Context.of(defaultRegion, "[0-9*#]{1,10}", true)).number());
            lines.add(PhoneNormalizer.normalize(line, PhoneNormalizer.Context.of(defaultRegion, "[0-9*#]{1,10}", false)).number());
        }
        return new LiveFilter(Set.copyOf(lines), Set.copyOf(split(values.get("agents"))));
    }

    private static Set<String> split(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    boolean matches(Call call) {
        if (lines.isEmpty() && agents.isEmpty()) {
            return true;
        }
        return (call.line() != null && lines.contains(call.line())) || (call.agent() != null && agents.contains(call.agent()));
    }
}
