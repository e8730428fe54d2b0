package io.switchboard.crm;

/**
 * A CRM record a call can be linked to.
 *
 * @param objectType the connector's name of the object: {@code contact}, {@code lead}, {@code account},
 *                   {@code company}, {@code person}, {@code organization} ...
 * @param id         the CRM's id
 * @param ownerId    the record's owner in the CRM, when the search returned it (else null)
 */
public record CrmContact(String objectType, String id, String ownerId) {}
