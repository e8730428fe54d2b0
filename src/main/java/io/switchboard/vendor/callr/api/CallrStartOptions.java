package io.switchboard.vendor.callr.api;

/**
 * Options of {@code clicktocall/calls.start_2} (object {@code CLICKTOCALL.Start.Options}); null
 * fields are left out of the request.
 *
 * @param cli      number shown to party A: E.164 or {@code BLOCKED}; null for the account default
 * @param cdrField tag stored on the CDRs ({@code cdr_field}/{@code customer_field} of the webhooks),
 *                 1..32 letters or digits; the hub correlates its click-to-calls by it
 * @param schedule {@code YYYY-MM-DD HH:MM:SS} UTC to start later; null to start now
 */
public record CallrStartOptions(String cli, String cdrField, String schedule) {

    public CallrStartOptions {
        if (cli != null) {
            CallrNumbers.requireCli(cli);
        }
        if (cdrField != null) {
            CallrNumbers.requireCdrField(cdrField);
        }
    }

    public static CallrStartOptions none() {
        return new CallrStartOptions(null, null, null);
    }
}
