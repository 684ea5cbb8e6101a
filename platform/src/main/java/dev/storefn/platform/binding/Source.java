package dev.storefn.platform.binding;

/** Where the platform takes an input component from. */
public enum Source {
    CALLER, CLIENT_NETWORK, PATH, QUERY, PAGING, HEADER, CREDENTIAL, BODY, WHOLE_BODY, FILE, RAW_BODY
}
