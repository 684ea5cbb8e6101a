/** The API documents: the OpenAPI document built from the route table and the operations' records, and Swagger UI over it. */
package dev.storefn.platform.docs;
