package dev.storefn.lambda;

import java.util.Map;

import dev.storefn.devtools.aws.LocalApiGateway;
import dev.storefn.testing.ThroughLambda;

/** The shop's request tests, in this module's Lambda pass, go through the local API Gateway (a service of the pass). */
public final class LocalGatewayOpener implements ThroughLambda.Gateway.Opener {

    @Override
    public ThroughLambda.Gateway open(boolean restApi, Map<String, String> settings) {
        LocalApiGateway gateway = LocalApiGateway.start(restApi ? LocalApiGateway.Payload.REST_API : LocalApiGateway.Payload.HTTP_API,
                settings);
        return (request, rawQuery) -> gateway.handle(new LocalApiGateway.Request(request.method(), request.path(), rawQuery,
                request.headers(), request.body(), request.peerAddress()));
    }
}
