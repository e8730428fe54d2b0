package io.switchboard.call;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Hub call ids: UUIDs of version 7 (RFC 9562), whose leading 48 bits are the creation time in
 * milliseconds. Ids of new calls therefore sort after older ones, so inserting a call appends to
 * the end of the journal's primary-key and call-id indexes instead of landing on a random page
 * (with random version 4 ids, every new call touched a different index page, read it back from
 * the file when the page cache no longer held it, and rewrote it at the next commit).
 */
public final class CallIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private CallIds() {}

    /** A new call id: 36 characters, lower-case, time-ordered. */
    public static String next() {
        return GENERATOR.generate().toString();
    }
}
