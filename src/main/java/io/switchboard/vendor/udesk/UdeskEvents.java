package io.switchboard.vendor.udesk;

import static java.util.Map.entry;

import java.util.Locale;
import java.util.Map;

/**
 * Every event name the seed lists for subscriptions ({@code webhooks/events} categories call,
 * agent_state, ext_state, agent_call_mode, plus the agent_* names of the {@code subscriptions}
 * example) and its role.
 */
final class UdeskEvents {

    static final Map<String, UdeskRole> ROLES = Map.ofEntries(
            // the call starts ringing somewhere
            entry("begin", UdeskRole.RING),
            entry("start_dialout", UdeskRole.RING),
            entry("user_ringing", UdeskRole.RING),
            entry("agent_ringing", UdeskRole.RING),
            // answers (see UdeskRole for the direction rule)
            entry("user_answer", UdeskRole.USER_ANSWER),
            entry("agent_answer", UdeskRole.AGENT_ANSWER),
            // the customer leaving ends the call; so does the end of the call
            entry("user_hangup", UdeskRole.HANGUP),
            entry("end", UdeskRole.HANGUP),
            // an agent leaving does not end the call (transfers, consults)
            entry("agent_hangup", UdeskRole.INFO),
            entry("general_hangup", UdeskRole.INFO),
            entry("hangup_cause", UdeskRole.INFO),
            // recordings
            entry("record_stop", UdeskRole.RECORDING),
            entry("voice_mail_succ", UdeskRole.RECORDING),
            // everything else that happens during a call
            entry("agent_breakout", UdeskRole.INFO),
            entry("agent_interrupt", UdeskRole.INFO),
            entry("asr_gather_fail", UdeskRole.INFO),
            entry("asr_gather_succ", UdeskRole.INFO),
            entry("call_notes", UdeskRole.INFO),
            entry("consult_fail", UdeskRole.INFO),
            entry("consult_succ", UdeskRole.INFO),
            entry("dtmf_gather_fail", UdeskRole.INFO),
            entry("dtmf_gather_succ", UdeskRole.INFO),
            entry("eavesdrop_fail", UdeskRole.INFO),
            entry("eavesdrop_succ", UdeskRole.INFO),
            entry("end_consult_fail", UdeskRole.INFO),
            entry("end_consult_succ", UdeskRole.INFO),
            entry("enqueue_succ", UdeskRole.INFO),
            entry("extern_succ", UdeskRole.INFO),
            entry("hold_call", UdeskRole.INFO),
            entry("play_fail", UdeskRole.INFO),
            entry("play_succ", UdeskRole.INFO),
            entry("start_ivr", UdeskRole.INFO),
            entry("substitute_fail", UdeskRole.INFO),
            entry("substitute_succ", UdeskRole.INFO),
            entry("three_way_fail", UdeskRole.INFO),
            entry("three_way_succ", UdeskRole.INFO),
            entry("transfer_agent_fail", UdeskRole.INFO),
            entry("transfer_agent_succ", UdeskRole.INFO),
            entry("voice_mail_fail", UdeskRole.INFO),
            // not about a call
            entry("acd_agent_state", UdeskRole.NON_CALL),
            entry("ext_state", UdeskRole.NON_CALL),
            entry("agent_call_mode_change", UdeskRole.NON_CALL));

    private UdeskEvents() {}

    /** The event name as udesk spells it (lower case), trimmed. */
    static String normalize(String event) {
        return event.trim().toLowerCase(Locale.ROOT);
    }

    /** Role of a normalized event name, or null when udesk does not list it. */
    static UdeskRole roleOf(String normalizedEvent) {
        return ROLES.get(normalizedEvent);
    }
}
