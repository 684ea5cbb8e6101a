/** The API documents: the OpenAPI document the build writes from the route table, and Swagger UI over it. */
package dev.storefn.platform.docs;
