package dev.storefn.accounts;

/** The User representation of the original API: six fields. */
record UserView(long id, String email, String firstName, String lastName, String picture, boolean isStaff) {
}
