package io.switchboard.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Agent → CRM user: the call's {@code agent} (extension, vendor agent id or e-mail, as the vendor
 * names it) → the CRM owner id, with a fallback owner for agents not in the table.
 *
 * <p>Configured as {@code "201=005xx0000012345, jane@acme.example=005xx0000067890"}; keys are
 * compared case-insensitively, after trimming; a Telphin-style {@code 000*201} agent also matches the
 * key {@code 201}.
 */
public final class AgentMapping {

    private final Map<String, String> owners;
    private final String fallbackOwner;

    public AgentMapping(Map<String, String> owners, String fallbackOwner) {
        Map<String, String> normalized = new LinkedHashMap<>();
        owners.forEach((k, v) -> normalized.put(key(k), v.strip()));
        this.owners = Collections.unmodifiableMap(normalized);
        this.fallbackOwner = fallbackOwner == null || fallbackOwner.isBlank() ? null : fallbackOwner.strip();
    }

    /** Reads {@code "key=owner, key=owner"}; blank means an empty table. */
    public static AgentMapping parse(String table, String fallbackOwner) {
        Map<String, String> owners = new LinkedHashMap<>();
        if (table != null && !table.isBlank()) {
            for (String entry : table.split("[,;\\n]")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq <= 0 || eq == entry.length() - 1) {
                    throw new IllegalArgumentException(
                            "Agent mapping entry '" + entry.strip() + "' is not 'agent=ownerId'");
                }
                owners.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return new AgentMapping(owners, fallbackOwner);
    }

    /** The owner for {@code agent}, else the fallback owner; null when neither is known. */
    public String ownerFor(String agent) {
        if (agent != null && !agent.isBlank()) {
            String exact = owners.get(key(agent));
            if (exact != null) {
                return exact;
            }
            int star = agent.lastIndexOf('*');
            if (star >= 0) {
                String suffix = owners.get(key(agent.substring(star + 1)));
                if (suffix != null) {
                    return suffix;
                }
            }
        }
        return fallbackOwner;
    }

    private static String key(String k) {
        return k.strip().toLowerCase(Locale.ROOT);
    }
}
