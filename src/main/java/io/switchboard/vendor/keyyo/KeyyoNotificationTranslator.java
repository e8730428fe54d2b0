package io.switchboard.vendor.keyyo;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.config.Source.KeyyoOptions;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.phone.PhoneNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Keyyo server notification (SETUP, CONNECT, RELEASE) into one canonical event. The rules are
 * documented in docs/vendors/keyyo.md; each is a small method here.
 */
final class KeyyoNotificationTranslator {

    /** Keyyo writes a voicemail answer as a 22-digit id; no phone number is longer than 15 digits. */
    private static final int LONGEST_PHONE_NUMBER = 15;

    private KeyyoNotificationTranslator() {}

    static CallEvent translate(Map<String, String> params, Source source, Instant receivedAt) {
        KeyyoOptions names = source.keyyo();
        KeyyoNotification n = KeyyoNotification.read(params, names);
        requirePresent(n.account(), "account", "_ACCOUNT_", KeyyoNotification.accountParameter(names));
        requirePresent(n.type(), "type", "_N_TYPE_", KeyyoNotification.typeParameter(names));
        String type = n.type().toUpperCase(Locale.ROOT);
        EventKind kind = kind(type, KeyyoNotification.typeParameter(names));
        Instant occurredAt = KeyyoEpoch.toInstant(n.tsms(), KeyyoNotification.tsmsParameter(names));

        PhoneNormalizer.Context context =
                PhoneNormalizer.Context.of(source.defaultRegion(), source.extensionPattern(), true);
        Party account = PhoneNormalizer.normalize(n.account(), context);
        Party caller = PhoneNormalizer.normalize(n.caller(), context);
        Party callee = PhoneNormalizer.normalize(n.callee(), context);
        Parties parties = parties(n, account.number(), caller, callee);

        return CallEvent.builder(KeyyoTokens.SOURCE_VENDOR, type, kind, occurredAt != null ? occurredAt : receivedAt)
                .source(source.id())
                .eventKey(eventKey(n, account.number(), type))
                .vendorCallId(n.sessionId() != null ? n.sessionId() : n.callref())
                .legId(legId(n))
                .linkedIds(linkedIds(n))
                .line(account.number())
                .direction(parties.direction())
                .from(parties.from())
                .to(parties.to())
                .agent(kind == EventKind.ANSWER ? account.number() : null)
                .attributes(attributes(n, context, parties, caller, callee))
                .build();
    }

    private static void requirePresent(String value, String what, String keyword, String parameter) {
        if (value == null) {
            throw RejectedRequestException.badRequest("missing_field", "Missing Keyyo " + what + ": query parameter '"
                    + parameter + "' (" + keyword + ") is absent or empty");
        }
    }

    static EventKind kind(String type, String parameter) {
        return switch (type) {
            case "SETUP" -> EventKind.RING;
            case "CONNECT" -> EventKind.ANSWER;
            case "RELEASE" -> EventKind.HANGUP;
            default -> throw RejectedRequestException.badRequest("unknown_event_type", "Unknown Keyyo notification type '"
                    + KeyyoEpoch.clip(type) + "' in parameter '" + parameter + "' (expected SETUP, CONNECT or RELEASE)");
        };
    }

    /** Direction and the two parties as seen from the line. */
    record Parties(Direction direction, Party from, Party to, boolean interception) {}

    static Parties parties(KeyyoNotification n, String line, Party caller, Party callee) {
        boolean callerIsLine = caller != null && line.equals(caller.number());
        boolean calleeIsLine = callee != null && line.equals(callee.number());
        if (n.drefReplace() != null && callerIsLine && !calleeIsLine) {
            // Interception: Keyyo makes the intercepting line the caller and the original caller the callee.
            return new Parties(Direction.INBOUND, callee, caller, true);
        }
        if (callerIsLine != calleeIsLine) {
            return new Parties(callerIsLine ? Direction.OUTBOUND : Direction.INBOUND, caller, callee, false);
        }
        boolean forwardedIn = n.redirectingNumber() != null || n.acd();
        return new Parties(forwardedIn ? Direction.INBOUND : null, caller, callee, false);
    }

    /** A dialog of its own; CALLREF names the leg when SESSION_ID has taken the call id. */
    static String legId(KeyyoNotification n) {
        if (n.dref() != null) {
            return n.dref();
        }
        return n.sessionId() != null ? n.callref() : null;
    }

    /** The replaced dialog (pickup, attended transfer) and CALLREF when neither call id nor leg id. */
    static List<String> linkedIds(KeyyoNotification n) {
        List<String> linked = new ArrayList<>(2);
        if (n.drefReplace() != null) {
            linked.add(n.drefReplace());
        }
        String callId = n.sessionId() != null ? n.sessionId() : n.callref();
        String callref = n.callref();
        if (callref != null && !callref.equals(callId) && !callref.equals(legId(n)) && !linked.contains(callref)) {
            linked.add(callref);
        }
        return linked;
    }

    /** {@code account|callref|dref|TYPE|tsms} when the dialog and its time are known, else null. */
    static String eventKey(KeyyoNotification n, String line, String type) {
        if ((n.callref() == null && n.dref() == null) || n.tsms() == null) {
            return null;
        }
        return String.join("|", line, orEmpty(n.callref()), orEmpty(n.dref()), type, n.tsms());
    }

    private static Map<String, String> attributes(
            KeyyoNotification n, PhoneNormalizer.Context context, Parties parties, Party caller, Party callee) {
        Map<String, String> a = new LinkedHashMap<>();
        put(a, "callref", n.callref());
        put(a, "dref", n.dref());
        put(a, "drefReplace", n.drefReplace());
        put(a, "sessionId", n.sessionId());
        put(a, "isAcd", n.isAcd());
        put(a, "version", n.version());
        Party redirecting = PhoneNormalizer.normalize(n.redirectingNumber(), context);
        put(a, "redirectingNumber", redirecting == null ? null : redirecting.number());
        if (parties.interception()) {
            a.put("interception", "true");
        }
        if (voicemailLike(caller) || voicemailLike(callee)) {
            a.put("voicemail", "true");
        }
        return a;
    }

    /** A party longer than any phone number: Keyyo's voicemail answering id. */
    static boolean voicemailLike(Party party) {
        return party != null
                && party.number().chars().filter(Character::isDigit).count() > LONGEST_PHONE_NUMBER;
    }

    private static void put(Map<String, String> into, String key, String value) {
        if (value != null) {
            into.put(key, value);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
