package io.switchboard.api;

import io.switchboard.call.Call;
import io.switchboard.call.CallState;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import io.switchboard.call.StoredEvent;
import io.switchboard.config.Source;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.journal.CallJournal;
import io.switchboard.journal.CallQuery;
import io.switchboard.journal.EventQuery;
import io.switchboard.journal.Page;
import io.switchboard.phone.PhoneNormalizer;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The read side of the journal over HTTP: {@code /api/v1/calls} and {@code /api/v1/events}. */
@Component("callQueryApi")
class CallQueryApi {

    private static final Set<String> CALL_FILTERS =
            Set.of("vendor", "line", "number", "state", "outcome", "since", "until", "offset", "limit");
    private static final Set<String> EVENT_FILTERS = Set.of("vendor", "callId", "type", "since", "until", "offset", "limit");

    private final CallJournal journal;
    private final List<PhoneNormalizer.Context> numberContexts;

    CallQueryApi(CallJournal journal, SwitchboardProperties properties) {
        this.journal = journal;
        Set<String> regions = new LinkedHashSet<>();
        regions.add(properties.defaultRegion());
        properties.sources().stream().map(Source::defaultRegion).forEach(regions::add);
        this.numberContexts = regions.stream()
                .flatMap(r -> List.of(
                        PhoneNormalizer.Context.of(r, "[0-9*#]{1,6}", false),
                        PhoneNormalizer.Context.of(r, "[0-9*#]{1,6}", true))
                        .stream())
                .toList();
    }

    public void searchCalls(Exchange exchange) {
        QueryParams p = QueryParams.parse(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), CALL_FILTERS);
        Instant since = p.instant("since");
        Instant until = p.instant("until");
        checkRange(since, until);
        CallQuery query = new CallQuery(
                p.text("vendor"),
                p.text("line"),
                numberForms(p.text("number")),
                p.enumValue("state", CallState.class),
                p.enumValue("outcome", Outcome.class),
                since,
                until,
                p.integer("offset", 0, 0, Integer.MAX_VALUE),
                p.integer("limit", QueryParams.DEFAULT_LIMIT, 1, QueryParams.MAX_LIMIT));
        HttpReplies.json(exchange, 200, journal.searchCalls(query));
    }

    public void getCall(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        Call call = journal.findCall(id)
                .orElseThrow(() -> RejectedRequestException.notFound("call_not_found", "No call with id '" + id + "'"));
        HttpReplies.json(exchange, 200, call);
    }

    public void searchEvents(Exchange exchange) {
        QueryParams p = QueryParams.parse(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), EVENT_FILTERS);
        Instant since = p.instant("since");
        Instant until = p.instant("until");
        checkRange(since, until);
        EventQuery query = new EventQuery(
                p.text("vendor"),
                p.text("callId"),
                p.text("type"),
                since,
                until,
                p.integer("offset", 0, 0, Integer.MAX_VALUE),
                p.integer("limit", QueryParams.DEFAULT_LIMIT, 1, QueryParams.MAX_LIMIT));
        Page<StoredEvent> page = journal.searchEvents(query);
        HttpReplies.json(exchange, 200, page);
    }

    private static void checkRange(Instant since, Instant until) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw RejectedRequestException.badRequest("invalid_parameter", "'since' must be before 'until'");
        }
    }

    /** Every form a number may be stored in, so {@code 01 23 45 67 89}, {@code 33123456789} and {@code +33123456789} all match. */
    Set<String> numberForms(String number) {
        if (number == null) {
            return null;
        }
        if (number.chars().anyMatch(Character::isISOControl)) {
            throw RejectedRequestException.badRequest("invalid_parameter",
                    "'number' must be a phone number or an extension, without control characters");
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(number);
        for (PhoneNormalizer.Context context : numberContexts) {
            Party party = PhoneNormalizer.normalize(number, context);
            if (party != null && party.number() != null) {
                forms.add(party.number());
            }
        }
        return forms;
    }
}
