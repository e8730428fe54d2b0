package io.switchboard.vendor.telphin.api;

import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /api/ver1.0/extension/{id}/callback/}: Telphin first rings the
 * {@code src_num} numbers (on behalf of the extension), then connects the one that answers to
 * {@code dst_num}. Null optional fields are left out of the request.
 *
 * @param dstNum         number to connect to (the customer), e.g. {@code +79817654321}
 * @param srcNum         numbers rung first (the agent: an extension such as {@code 200}, or a phone number)
 * @param callerIdName   optional caller name shown
 * @param callerIdNumber optional caller number shown
 * @param waitForPickup  optional: whether Telphin waits for the first leg to answer before dialing {@code dst_num}
 */
public record TelphinCallbackRequest(
        String dstNum, List<String> srcNum, String callerIdName, String callerIdNumber, Boolean waitForPickup) {

    public TelphinCallbackRequest {
        Objects.requireNonNull(dstNum, "dstNum");
        if (dstNum.isBlank()) {
            throw new IllegalArgumentException("Telphin callback dst_num must not be blank");
        }
        srcNum = List.copyOf(Objects.requireNonNull(srcNum, "srcNum"));
        if (srcNum.isEmpty() || srcNum.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Telphin callback src_num needs at least one non-blank number");
        }
    }

    /** Connects {@code srcNum} (rung first) to {@code dstNum}, no caller id override. */
    public static TelphinCallbackRequest of(String dstNum, String... srcNum) {
        return new TelphinCallbackRequest(dstNum, List.of(srcNum), null, null, null);
    }
}
