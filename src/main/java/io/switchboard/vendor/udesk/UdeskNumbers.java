package io.switchboard.vendor.udesk;

import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.phone.PhoneNormalizer;
import java.util.List;
import java.util.Objects;

/**
 * udesk numbers are national ({@code 0{area}{local}}), 11-digit mobiles, {@code 00{cc}…} or agent
 * extensions; they are read in the source's default region (configure CN) with its extension
 * pattern (udesk: {@code [1-9]\d{3}}).
 */
final class UdeskNumbers {

    private final PhoneNormalizer.Context context;
    private final List<String> lines;

    UdeskNumbers(Source source) {
        this.context = PhoneNormalizer.Context.of(source.defaultRegion(), source.extensionPattern(), false);
        this.lines = source.lines().stream()
                .map(this::party)
                .filter(Objects::nonNull)
                .map(Party::number)
                .toList();
    }

    Party party(String raw) {
        return PhoneNormalizer.normalize(raw, context);
    }

    /** True when {@code party} is the trunk number or one of the source's own lines. */
    boolean isOwn(Party party, Party trunk) {
        if (party == null) {
            return false;
        }
        return (trunk != null && trunk.number().equals(party.number())) || lines.contains(party.number());
    }

    static String number(Party party) {
        return party == null ? null : party.number();
    }
}
