package io.switchboard.crm;

import java.util.List;
import java.util.Optional;

/** One CRM's contact search and creation, as {@link ContactMatcher} uses them. */
public interface ContactDirectory {

    /**
     * Records of {@code objectType} whose phone fields hold one of {@code exact} spellings, or end with
     * {@code lastDigits} when present; in the CRM's order, without duplicates.
     */
    List<CrmContact> find(String objectType, List<String> exact, Optional<String> lastDigits);

    /** Whether {@link #create} can make records of {@code objectType}. */
    boolean canCreate(String objectType);

    /** Creates a record of {@code objectType} for the unknown number {@code e164}. */
    CrmContact create(String objectType, String e164, CallFacts call);
}
