/** The AWS Lambda adapter: API Gateway proxy events in, the matching response type out, through the shared dispatcher. */
package dev.storefn.lambda;
