/**
 * Media: uploaded images checked to be real images, and kept in Cloudinary or on local disk under the media
 * root, one store chosen by configuration. Uploads happen before the change that shows them is written;
 * removals are provider actions written with the change that calls for them.
 */
package dev.storefn.platform.media;
