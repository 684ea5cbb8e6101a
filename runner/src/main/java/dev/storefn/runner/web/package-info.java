/**
 * The web adapter: every request of the embedded Tomcat to the shared dispatcher, JSON for what Tomcat refuses
 * itself, large bodies in turns, {@code /media/} from local disk and the scheduled jobs' timer.
 */
package dev.storefn.runner.web;
