package io.switchboard.apikey;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Prints a new random API key and the {@code sha256} line to put in {@code config/switchboard.yaml}.
 * Run: {@code java -cp target/classes io.switchboard.apikey.NewApiKey [id] [scope ...]}.
 */
public final class NewApiKey {

    /** Prefix of generated keys, so a leaked one is recognisable in a secret scanner. */
    static final String PREFIX = "sb_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private NewApiKey() {}

    /** A new key: {@code sb_} and 32 random bytes, base64url without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static void main(String[] args) {
        String id = args.length > 0 ? args[0] : "my-key";
        String scopes = args.length > 1 ? String.join(", ", java.util.Arrays.copyOfRange(args, 1, args.length)) : "calls:read";
        for (String s : scopes.split(",\\s*")) {
            if (Scope.of(s).isEmpty()) {
                System.err.println("Unknown scope '" + s + "': use calls:read, click-to-call or admin");
                System.exit(2);
            }
        }
        String key = generate();
        System.out.println("API key (give it to the caller; it is not stored anywhere):");
        System.out.println("  " + key);
        System.out.println();
        System.out.println("Add to switchboard.api.keys in config/switchboard.yaml:");
        System.out.println("    - id: " + id);
        System.out.println("      sha256: " + ApiKeys.sha256(key));
        System.out.println("      scopes: [" + scopes + "]");
    }
}
