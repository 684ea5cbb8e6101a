package dev.storefn.platform.dispatch;

import java.util.List;

import dev.storefn.platform.access.AccessGuard;
import dev.storefn.platform.binding.BindingSources;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.ClientNetwork;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.wire.BodyReader;
import dev.storefn.platform.wire.RequestBody;
import dev.storefn.platform.wire.WireRequest;

/** What one request offers the binder; the body is read at most once, and only if an input needs it. */
final class RequestSources implements BindingSources {

    private final Exchange exchange;
    private final WireRequest request;
    private final BodyReader bodies;
    private final AccessGuard guard;
    private RequestBody body;
    private Refusal unreadable;

    RequestSources(Exchange exchange, BodyReader bodies, AccessGuard guard) {
        this.exchange = exchange;
        this.request = exchange.request;
        this.bodies = bodies;
        this.guard = guard;
    }

    @Override
    public Caller caller() {
        return exchange.caller;
    }

    @Override
    public ClientNetwork clientNetwork() {
        return new ClientNetwork(ClientAddresses.networkOf(exchange.client));
    }

    @Override
    public String pathParameter(String name) {
        return exchange.pathParameters.get(name);
    }

    @Override
    public List<String> query(String name) {
        return request.query().getOrDefault(name, List.of());
    }

    @Override
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public byte[] rawBody() {
        return request.body().clone();
    }

    @Override
    public RequestBody body() {
        RequestBody read = bodyIfReadable();
        if (unreadable != null) {
            throw unreadable;
        }
        return read;
    }

    @Override
    public RequestBody bodyIfReadable() {
        if (body == null && unreadable == null) {
            try {
                body = bodies.read(request);
            } catch (Refusal refusal) {
                unreadable = refusal;
            }
        }
        return body;
    }

    @Override
    public String presentedToken(Credential.Kind kind) {
        return guard.presented(exchange.credentials(), kind);
    }
}
