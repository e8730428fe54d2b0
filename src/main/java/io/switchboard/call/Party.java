package io.switchboard.call;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One end of a call as the vendor wrote it ({@code raw}) and as the hub understands it ({@code
 * number}: E.164 such as {@code +33123456789}, or an extension such as {@code 201}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Party(String raw, String number, boolean extension) {

    public static Party extension(String raw, String ext) {
        return new Party(raw, ext, true);
    }

    public static Party number(String raw, String number) {
        return new Party(raw, number, false);
    }
}
