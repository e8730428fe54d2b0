package io.switchboard.pms.charge;

/** Published after a posting is stored, so its connector sends it at once. */
public record PostingStoredEvent(String postingId, String target) {}
