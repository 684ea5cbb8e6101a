package dev.storefn.runner.web;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Errors raised outside the dispatcher (a missing media file, a broken request) are JSON too, never HTML. */
@RestController
@ConditionalOnWebApplication
class JsonErrors implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Map<String, String>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("detail", detail(status.value())));
    }

    /** The {@code detail} of an error answered outside the dispatcher, here or by Tomcat ({@link TomcatJsonErrors}). */
    static String detail(int statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null) {
            return "Error " + statusCode + ".";
        }
        return switch (status) {
            case NOT_FOUND -> "Not found.";
            case INTERNAL_SERVER_ERROR -> "Internal error";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
