/**
 * AWS on a developer's machine: API Gateway's events, a Lambda context and the schedule's EventBridge events
 * around the real handler ({@code FunctionInvoker}), and the SAM template written from the route table. Used by
 * {@code serve --via-lambda}, {@code invoke} and the tests; never part of the Lambda package.
 */
package dev.storefn.devtools.aws;
