/** Media: uploaded files checked to be real images (JPEG, PNG, GIF, WebP) by their bytes. */
package dev.storefn.platform.media;
