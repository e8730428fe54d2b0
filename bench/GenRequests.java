import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Benchmark request generator (run with {@code java bench/GenRequests.java OUT COUNT MIX PHASE}).
 *
 * <p>Writes COUNT unique, correctly authenticated webhook requests, one per line:
 * {@code METHOD \t PATH?QUERY \t CONTENT-TYPE or - \t EXTRA-HEADER or - \t BODY or -}. Every
 * request carries a call id no other request of any phase carries, so each is a new event that
 * opens a new RINGING call.
 *
 * <p>MIX: {@code mixed} cycles Telphin dial-in (GET), Keyyo SETUP (GET), CALLR
 * call.inbound_start (POST JSON, HMAC-SHA256 signed) and udesk begin (POST JSON, Sign in the
 * query); {@code telphin} is Telphin dial-in only. PHASE (0-999) keeps ids apart between phases.
 *
 * <p>Secrets come from the same environment variables as config/switchboard.yaml, with the same
 * demo defaults. The udesk Timestamp is the generation time: the hub accepts it for its signature
 * window (10 minutes by default), so generate each phase's file just before the phase.
 */
public class GenRequests {

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    static final String KEYYO_TOKEN = env("KEYYO_TOKEN", "demo-keyyo-token-change-me");
    static final String TELPHIN_TOKEN = env("TELPHIN_TOKEN", "demo-telphin-token-change-me");
    static final String CALLR_SECRET = env("CALLR_HMAC_SECRET", "demo-callr-secret-change-me");
    static final String UDESK_APP_ID = env("UDESK_APP_ID", "00000000-0000-0000-0000-000000000000");
    static final String UDESK_SECRET = env("UDESK_SECRET", "demo-udesk-secret-change-me");

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: GenRequests OUT COUNT mixed|telphin PHASE");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        boolean mixed = args[2].equals("mixed");
        long phase = Long.parseLong(args[3]);
        long nowMs = System.currentTimeMillis();
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(CALLR_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String udeskTs = Long.toString(nowMs);
        String udeskSign = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest((UDESK_APP_ID + UDESK_SECRET + udeskTs).getBytes(StandardCharsets.UTF_8)));
        String udeskQuery = "Timestamp=" + udeskTs + "&AppId=" + UDESK_APP_ID + "&Sign=" + udeskSign;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                long n = phase * 1_000_000_000L + i;       // unique over phases and requests
                String hex = String.format("%04x%028x", phase, (long) i);
                long eventMs = nowMs - 1000 + (i % 1000);
                int vendor = mixed ? i % 4 : 0;
                switch (vendor) {
                    case 0 -> line(w, "GET", "/webhooks/telphin/" + TELPHIN_TOKEN
                            + "?EventType=dial-in&CallID=" + hex + "&SubCallID=" + hex + "-0001"
                            + "&CallAPIID=3593187-" + hex.substring(16)
                            + "&CallerIDNum=%2B7916" + digits(n, 7) + "&CallerIDName=Ivan%20Petrov"
                            + "&CalledDID=%2B74951234567&CalledNumber=000*101"
                            + "&CalledExtension=000*101%40sipproxy.telphin.ru&CalledExtensionID=176"
                            + "&CallFlow=in&CallStatus=CALLING&EventTime=" + (eventMs * 1000), "-", "-", "-");
                    case 1 -> line(w, "GET", "/webhooks/keyyo/" + KEYYO_TOKEN
                            + "?account=33172587948&caller=3361" + digits(n, 7) + "&callee=33172587948&type=SETUP"
                            + "&callref=KY" + hex + "&version=1&dref=" + hex
                            + "&drefreplace=&sessionid=&isacd=0&redirectingnumber=&tsms=" + eventMs, "-", "-", "-");
                    case 2 -> {
                        long callid = 7_000_000_000_000_000_000L + n;
                        String body = "{\"type\":\"call.inbound_start\",\"data\":{\"answer\":\"0000-00-00 00:00:00\","
                                + "\"billing_customer_cost_label\":\"France fixed\",\"callid\":" + callid + ","
                                + "\"cli_country_code\":\"FR\",\"cli_name\":\"\",\"cli_number\":\"+3378" + digits(n, 7) + "\","
                                + "\"cli_number_type\":\"MOBILE\",\"cli_pres\":\"allowed_passed_screen\",\"customer_field\":\"\","
                                + "\"did_hash\":\"DID4QX7Z\",\"did_intl_number\":\"+33184250000\",\"duration\":0,"
                                + "\"duration_answered\":0,\"duration_billed\":0,\"hangup\":\"0000-00-00 00:00:00\","
                                + "\"hangupcause\":0,\"hangupsource\":\"\",\"package_name\":\"\",\"scenario_hash\":\"SCN7Z2QK\","
                                + "\"scenario_name\":\"Accueil standard\",\"start\":\""
                                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                                        .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(eventMs))
                                + "\"},\"event_id\":\"evt_" + hex + "\",\"event_at\":\""
                                + java.time.Instant.ofEpochMilli(eventMs) + "\",\"hook_hash\":\"HK7Q2ZPA\",\"try\":0}";
                        String sig = Base64.getEncoder().encodeToString(hmac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
                        line(w, "POST", "/webhooks/callr", "application/json",
                                "X-CALLR-HmacSignature: " + sig, body);
                    }
                    default -> {
                        String body = "{\"Event\":\"begin\",\"CallId\":\"" + uuid(hex) + "\",\"Timestamp\":" + eventMs
                                + ",\"CallDirection\":\"in\",\"CallerNumber\":\"138" + digits(n, 8) + "\","
                                + "\"DestNumber\":\"057128091649\",\"SpNumber\":\"057128091649\",\"UserData\":\"order=A-" + i + "\"}";
                        line(w, "POST", "/webhooks/udesk?" + udeskQuery, "application/json", "-", body);
                    }
                }
            }
        }
    }

    static String digits(long n, int width) {
        String s = Long.toString(n % (long) Math.pow(10, width));
        return "0".repeat(width - s.length()) + s;
    }

    static String uuid(String hex32) {
        return hex32.substring(0, 8) + "-" + hex32.substring(8, 12) + "-" + hex32.substring(12, 16) + "-"
                + hex32.substring(16, 20) + "-" + hex32.substring(20);
    }

    static void line(BufferedWriter w, String method, String path, String type, String header, String body)
            throws IOException {
        w.write(method);
        w.write('\t');
        w.write(path);
        w.write('\t');
        w.write(type);
        w.write('\t');
        w.write(header);
        w.write('\t');
        w.write(body);
        w.write('\n');
    }
}
