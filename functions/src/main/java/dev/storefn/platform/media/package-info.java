/**
 * Media: uploaded images checked to be real images, and kept in Cloudinary or on local disk under the media
 * root, one store chosen by configuration; changes to stored files follow the transaction that made them.
 */
package dev.storefn.platform.media;
