package dev.storefn.platform.binding;

import java.util.List;

import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.ClientNetwork;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.wire.RequestBody;

/** What a request offers the binder; the dispatcher implements it over the wire request. */
public interface BindingSources {

    Caller caller();

    /** The network the request comes from, as limits count callers. */
    ClientNetwork clientNetwork();

    String pathParameter(String name);

    /** Every value of a query parameter; empty when absent. */
    List<String> query(String name);

    String header(String name);

    /** The body exactly as it arrived (a signed webhook payload). */
    byte[] rawBody();

    /** The body as fields; refuses a body that cannot be read. */
    RequestBody body();

    /** The body as fields, or none when it cannot be read. */
    RequestBody bodyIfReadable();

    /** A token of this kind presented outside the body (the bearer header, a cookie), or null. */
    String presentedToken(Credential.Kind kind);
}
