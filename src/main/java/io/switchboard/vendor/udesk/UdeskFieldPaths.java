package io.switchboard.vendor.udesk;

import io.switchboard.config.Source;
import io.switchboard.config.Source.UdeskFields;
import java.util.Map;

/**
 * The JSON pointers a source reads its callbacks with. udesk does not publish the callback body,
 * so every field is configurable ({@code sources[].udesk.fields}); these are the defaults of
 * {@link UdeskFields}, used when a source is built without Spring binding.
 */
final class UdeskFieldPaths {

    static final UdeskFields DEFAULTS = new UdeskFields(
            "/Event", "/CallId", "/Timestamp", "/CallDirection", "/CallerNumber", "/DestNumber", "/SpNumber",
            "/AgentId", "/HangupBy", "/RecordUrl", "/UserData", "/AppId", "/Sign", "/Timestamp");

    /** Used when the direction pointer finds nothing: the call type udesk writes in its call log. */
    static final String CALL_TYPE = "/CallType";

    /** Fields the seed shows on agent events and call logs, kept as attributes when present. */
    static final Map<String, String> EXTRA_ATTRIBUTES = Map.of(
            "callType", CALL_TYPE,
            "agentNumber", "/AgentNumber",
            "reason", "/Reason",
            "curState", "/CurState",
            "oldState", "/OldState",
            "curContact", "/CurContact");

    private UdeskFieldPaths() {}

    static UdeskFields of(Source source) {
        if (source == null || source.udesk() == null || source.udesk().fields() == null) {
            return DEFAULTS;
        }
        return source.udesk().fields();
    }
}
