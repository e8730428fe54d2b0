package io.switchboard.clicktocall;

import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.ingress.Sources;
import io.switchboard.phone.PhoneNormalizer;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds which configured source and caller a click-to-call request names, and checks the number
 * to call: E.164 ({@code +33123456789}) or an extension matching the source's
 * {@code extension-pattern}.
 */
@Component
class CallerDirectory {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** A resolved request: who calls, through which source, and the canonical numbers. */
    record Resolved(Source source, Source.Caller caller, String line, Party number) {}

    private final Sources sources;

    CallerDirectory(Sources sources) {
        this.sources = sources;
    }

    Resolved resolve(ClickToCallRequest request) {
        Match match = request.agent() != null ? byAgent(request.agent()) : byLine(request.line());
        if (request.agent() != null && request.line() != null && !match.line().equals(canonicalLine(match.source(), request.line()))) {
            throw RejectedRequestException.badRequest("line_agent_mismatch",
                    "Agent '" + request.agent() + "' does not call from line '" + request.line() + "'");
        }
        return new Resolved(match.source(), match.caller(), match.line(), number(match.source(), request.number()));
    }

    private record Match(Source source, Source.Caller caller, String line) {}

    private Match byAgent(String agent) {
        List<Match> found = sources.all().stream()
                .flatMap(s -> s.api().callers().stream()
                        .filter(c -> agent.equals(c.agent()))
                        .map(c -> new Match(s, c, canonicalLine(s, c.line()))))
                .toList();
        return single(found, "agent", agent);
    }

    private Match byLine(String line) {
        List<Match> found = sources.all().stream()
                .flatMap(s -> s.api().callers().stream()
                        .filter(c -> c.line() != null)
                        .map(c -> new Match(s, c, canonicalLine(s, c.line())))
                        .filter(m -> m.line().equals(canonicalLine(s, line))))
                .toList();
        return single(found, "line", line);
    }

    private static Match single(List<Match> found, String what, String value) {
        if (found.isEmpty()) {
            throw RejectedRequestException.badRequest("unknown_" + what,
                    "No source has a click-to-call caller with " + what + " '" + value
                            + "' (switchboard.sources[].api.callers)");
        }
        if (found.size() > 1) {
            throw RejectedRequestException.badRequest("ambiguous_" + what, "Several sources have a caller with " + what
                    + " '" + value + "': " + found.stream().map(m -> m.source().id()).toList());
        }
        return found.get(0);
    }

    /** The line as the vendor's events write it: E.164 or an extension. */
    static String canonicalLine(Source source, String line) {
        Party party = PhoneNormalizer.normalize(Objects.requireNonNull(line, "line"), context(source));
        return party == null ? line : party.number();
    }

    static Party number(Source source, String number) {
        String compact = number.replaceAll("[\\s().-]", "");
        if (E164.matcher(compact).matches()) {
            String e164 = PhoneNormalizer.toE164(compact, context(source));
            if (e164 == null) {
                throw RejectedRequestException.badRequest("invalid_number",
                        "'" + number + "' is not a possible phone number");
            }
            return Party.number(number, e164);
        }
        if (Pattern.compile(source.extensionPattern()).matcher(compact).matches()) {
            return Party.extension(number, compact);
        }
        throw RejectedRequestException.badRequest("invalid_number", "'number' must be E.164 (+33123456789) or an"
                + " extension matching " + source.extensionPattern() + " (source '" + source.id() + "')");
    }

    static PhoneNormalizer.Context context(Source source) {
        boolean withoutPlus = "keyyo".equals(source.vendor()) || "callr".equals(source.vendor());
        return PhoneNormalizer.Context.of(source.defaultRegion(), source.extensionPattern(), withoutPlus);
    }
}
